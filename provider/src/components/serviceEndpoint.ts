import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { FirewallRule } from "../args/firewallRule";
import type { ServiceEndpointArgs, ServiceEndpointOutputs } from "../args/serviceEndpoint";
import {
    checkExistingEndpoint,
    checkSubnetFacts,
    chooseEndpointIp,
    datasyncServiceName,
    EndpointFacts,
    firewallTable,
    parseSource,
    planEndpointRules,
    Problems,
    SubnetFacts,
    validateServiceEndpoint,
} from "../plan";
import { lookupInterfaces, lookupRegion, lookupSubnets } from "./lookups";
import { OutputsOf } from "./outputsOf";
import { invokeOn, on, withName } from "./sides";
import { TOKENS } from "./tokens";
import { failOnProblems, gate, knownNow } from "./validation";

/** Resources the endpoint is built on; a PrivateAgent passes its destination provider here. */
export interface ServiceEndpointInternals {
    provider?: aws.Provider;
}

interface Facts {
    vpcId: string;
    region: string;
    subnets: SubnetFacts[];
    activationSubnet: SubnetFacts;
    /** The adopted endpoint, when there is one. */
    existing?: EndpointFacts & { networkInterfaceIds: string[] };
}

export class ServiceEndpoint extends pulumi.ComponentResource implements OutputsOf<ServiceEndpointOutputs> {
    declare readonly vpcEndpointId: pulumi.Output<string>;
    declare readonly endpointPrivateIp: pulumi.Output<string>;
    declare readonly securityGroupId: pulumi.Output<string>;
    declare readonly securityGroupArn: pulumi.Output<string>;
    declare readonly subnetArn: pulumi.Output<string>;
    declare readonly region: pulumi.Output<string>;
    declare readonly firewallRules: pulumi.Output<FirewallRule[]>;
    /** The activation subnet's CIDR (task interfaces live there); not a schema output. */
    declare readonly activationSubnetCidr: pulumi.Output<string>;

    constructor(name: string, args: ServiceEndpointArgs, opts?: pulumi.ComponentResourceOptions, internals: ServiceEndpointInternals = {}) {
        failOnProblems("ServiceEndpoint", validateServiceEndpoint(knownNow(args)));
        super(TOKENS.ServiceEndpoint, name, {}, opts);
        const provider = internals.provider;

        const activationSubnetId = pulumi.output(args.activationSubnetId ?? pulumi.output(args.subnetIds).apply((ids) => ids[0]));
        const existing =
            args.existingVpcEndpointId === undefined
                ? pulumi.output(undefined)
                : aws.ec2.getVpcEndpointOutput({ id: args.existingVpcEndpointId }, invokeOn(this, provider)).apply((e) => ({
                      id: e.id,
                      vpcId: e.vpcId,
                      serviceName: e.serviceName,
                      privateDnsEnabled: e.privateDnsEnabled,
                      networkInterfaceIds: e.networkInterfaceIds,
                  }));
        const facts = gate<ServiceEndpointArgs, Facts>(
            "ServiceEndpoint",
            args,
            pulumi
                .all([args.vpcId, lookupRegion(this, provider), lookupSubnets(args.subnetIds, this, provider), activationSubnetId, existing])
                .apply(([vpcId, region, subnets, act, found]) => ({
                    vpcId,
                    region,
                    subnets,
                    activationSubnet: subnets.find((s) => s.id === act) ?? subnets[0],
                    existing: found,
                })),
            (a, f) => {
                const p = new Problems();
                p.list.push(...validateServiceEndpoint(a, f.region));
                checkSubnetFacts(p, "subnetIds", f.vpcId, f.subnets, f.activationSubnet.id);
                if (f.existing) {
                    checkExistingEndpoint(p, "existingVpcEndpointId", f.existing, f.vpcId, datasyncServiceName(f.region, a.fips === true));
                }
                return p.list;
            },
        );

        const group = this.securityGroup(name, args, facts, provider);
        const sources = args.allowedSources;
        const supportChannel = args.supportChannel === true;
        for (const rule of planEndpointRules(sources.length, supportChannel)) {
            const peer = rule.peer.kind === "source" ? sources[rule.peer.index] : undefined;
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-${rule.key}`,
                {
                    securityGroupId: group.id,
                    cidrIpv4: pulumi.output(peer!).apply((s) => parseSource(s)!.text),
                    ipProtocol: rule.port.protocol,
                    fromPort: rule.port.fromPort,
                    toPort: rule.port.toPort,
                    description: rule.port.purpose,
                    tags: args.tags,
                },
                on(this, provider),
            );
        }

        const endpoint = this.endpoint(name, args, facts, group.id, provider);
        const endpointPrivateIp = pulumi
            .all([lookupInterfaces(endpoint.networkInterfaceIds, this, provider), facts])
            .apply(([enis, f]) => chooseEndpointIp(enis, f.activationSubnet.id));

        this.vpcEndpointId = endpoint.id;
        this.endpointPrivateIp = endpointPrivateIp;
        this.securityGroupId = group.id;
        this.securityGroupArn = group.arn;
        this.subnetArn = facts.activationSubnet.arn;
        this.region = facts.region;
        this.activationSubnetCidr = facts.activationSubnet.cidrBlock;
        this.firewallRules = pulumi
            .all([pulumi.output(sources), endpointPrivateIp, facts])
            .apply(([srcs, ip, f]) =>
                firewallTable({ activationSources: [], agents: srcs, endpointIp: ip, taskSubnetCidr: f.activationSubnet.cidrBlock, supportChannel }),
            );
        this.registerOutputs({
            vpcEndpointId: this.vpcEndpointId,
            endpointPrivateIp: this.endpointPrivateIp,
            securityGroupId: this.securityGroupId,
            securityGroupArn: this.securityGroupArn,
            subnetArn: this.subnetArn,
            region: this.region,
            firewallRules: this.firewallRules,
        });
    }

    private securityGroup(name: string, args: ServiceEndpointArgs, facts: pulumi.Output<Facts>, provider?: aws.Provider): { id: pulumi.Output<string>; arn: pulumi.Output<string> } {
        if (args.existingSecurityGroupId !== undefined) {
            const id = pulumi.all([facts, args.existingSecurityGroupId]).apply(([, g]) => g);
            return { id, arn: aws.ec2.getSecurityGroupOutput({ id }, invokeOn(this, provider)).arn };
        }
        // No inline rules and no egress: rules are separate resources (so adopted and
        // created groups behave alike), and endpoint and task interfaces only answer.
        return new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: facts.vpcId,
                description: "DataSync interface endpoint and task network interfaces: agents in on 443 and 1024-1064",
                tags: withName(args.tags, `${name}-sg`),
            },
            on(this, provider),
        );
    }

    private endpoint(name: string, args: ServiceEndpointArgs, facts: pulumi.Output<Facts>, groupId: pulumi.Output<string>, provider?: aws.Provider): { id: pulumi.Output<string>; networkInterfaceIds: pulumi.Output<string[]> } {
        if (args.existingVpcEndpointId !== undefined) {
            return { id: facts.apply((f) => f.existing!.id), networkInterfaceIds: facts.apply((f) => f.existing!.networkInterfaceIds) };
        }
        return new aws.ec2.VpcEndpoint(
            `${name}-endpoint`,
            {
                vpcId: facts.vpcId,
                vpcEndpointType: "Interface",
                serviceName: facts.region.apply((r) => datasyncServiceName(r, args.fips === true)),
                // An agent cannot use a private endpoint whose private DNS is on: it
                // resolves the public name and never reaches the service.
                privateDnsEnabled: false,
                subnetIds: facts.subnets.apply((s) => s.map((x) => x.id)),
                securityGroupIds: [groupId],
                tags: withName(args.tags, `${name}-endpoint`),
            },
            on(this, provider),
        );
    }
}
