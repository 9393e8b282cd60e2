import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { FirewallRule } from "../args/firewallRule";
import type { ServiceEndpointArgs, ServiceEndpointOutputs } from "../args/serviceEndpoint";
import {
    checkEndpointFacts,
    chooseEndpointIp,
    datasyncServiceName,
    DEFAULTS,
    EndpointFacts,
    EndpointPaths,
    firewallTable,
    interfaceAddresses,
    Known,
    parseSource,
    planEndpointRules,
    present,
    Problems,
    securityGroupNamePrefix,
    SideFacts,
    UNKNOWN,
    Unknown,
    validateServiceEndpoint,
} from "../plan";
import { built, endpointRuleDescription, failOnProblems, warnAll } from "./building";
import { endpointFacts, sideFacts } from "./facts";
import { OutputsOf } from "./outputsOf";
import { onSide, Placement, regionOf, withName } from "./placement";
import { resolveKnown } from "./resolve";
import { TOKENS } from "./tokens";

const PATHS: EndpointPaths = {
    vpcId: "vpcId",
    subnetIds: "subnetIds",
    fips: "fips",
    existingVpcEndpointId: "existingVpcEndpointId",
    existingSecurityGroupId: "existingSecurityGroupId",
};

/** A peer the endpoint's group admits: an address or range, or another security group by reference. */
export interface EndpointPeerInput {
    key: string;
    cidr?: pulumi.Input<string>;
    securityGroupId?: pulumi.Input<string>;
}

/** What the endpoint is built from once checked: by a PrivateAgent for its endpoint, or by the endpoint itself. */
export interface EndpointPrepared {
    placement: Placement;
    side: SideFacts;
    facts: EndpointFacts;
    peers: EndpointPeerInput[];
    activationSubnetId: string | Unknown;
}

interface EndpointBuilt {
    vpcEndpointId: pulumi.Output<string>;
    endpointPrivateIp: pulumi.Output<string>;
    securityGroupId: pulumi.Output<string>;
    securityGroupArn: pulumi.Output<string>;
    subnetArn: pulumi.Output<string>;
    activationSubnetCidr: pulumi.Output<string>;
    region: string;
    rules: pulumi.Resource[];
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
    /** The ingress rules: activation waits for them. Not a schema output. */
    declare readonly rules: pulumi.Output<pulumi.Resource[]>;
    /** Resolves once every child is registered; rejects, before any child exists, when a check fails. */
    readonly ready: Promise<void>;

    constructor(name: string, args: ServiceEndpointArgs, opts?: pulumi.ComponentResourceOptions, prepared?: EndpointPrepared) {
        super(TOKENS.ServiceEndpoint, name, {}, opts);
        const b = built(this.build(name, args, prepared));
        this.ready = b.ready;
        this.vpcEndpointId = b.output((x) => x.vpcEndpointId);
        this.endpointPrivateIp = b.output((x) => x.endpointPrivateIp);
        this.securityGroupId = b.output((x) => x.securityGroupId);
        this.securityGroupArn = b.output((x) => x.securityGroupArn);
        this.subnetArn = b.output((x) => x.subnetArn);
        this.region = b.output((x) => x.region);
        this.activationSubnetCidr = b.output((x) => x.activationSubnetCidr);
        this.rules = b.output((x) => x.rules);
        this.firewallRules = pulumi
            .all([pulumi.output(args.allowedSources ?? []), this.endpointPrivateIp, this.activationSubnetCidr])
            .apply(([agents, endpointIp, tasks]) =>
                firewallTable({
                    activationSources: [],
                    agents,
                    endpointIp,
                    taskCidrs: [tasks],
                    storage: [],
                    dnsServers: [],
                    supportChannel: args.supportChannel ?? DEFAULTS.endpoint.supportChannel,
                }),
            );
        void b.settled.then(() =>
            this.registerOutputs({
                vpcEndpointId: this.vpcEndpointId,
                endpointPrivateIp: this.endpointPrivateIp,
                securityGroupId: this.securityGroupId,
                securityGroupArn: this.securityGroupArn,
                subnetArn: this.subnetArn,
                region: this.region,
                firewallRules: this.firewallRules,
            }),
        );
    }

    /** A standalone endpoint checks its own inputs and what AWS reports. */
    private async prepare(name: string, args: ServiceEndpointArgs): Promise<EndpointPrepared> {
        const a = await resolveKnown(args);
        failOnProblems("ServiceEndpoint", validateServiceEndpoint(a));
        const placement: Placement = {};
        const side = await sideFacts({ parent: this, placement });
        const subnetIds = a.subnetIds === UNKNOWN ? [] : a.subnetIds;
        const activationSubnetId = a.activationSubnetId ?? subnetIds[0] ?? UNKNOWN;
        const serviceName = datasyncServiceName(side.region, a.fips ?? DEFAULTS.endpoint.fips);
        const facts = await endpointFacts(
            { parent: this, placement },
            {
                vpcId: a.vpcId,
                subnetIds,
                serviceName,
                existingVpcEndpointId: a.existingVpcEndpointId,
                existingSecurityGroupId: a.existingSecurityGroupId,
                nameTag: `${name}-endpoint`,
            },
        );
        const p = new Problems();
        if (a.vpcId !== UNKNOWN && activationSubnetId !== UNKNOWN) {
            checkEndpointFacts(p, PATHS, endpointCheckInputs(a, a.vpcId, activationSubnetId, serviceName), facts);
        }
        failOnProblems("ServiceEndpoint", p.list);
        warnAll(this, p.warnings);
        const peers = (args.allowedSources ?? []).map((s, i) => ({ key: `s${i}`, cidr: pulumi.output(s).apply((x) => parseSource(x)!.text) }));
        return { placement, side, facts, peers, activationSubnetId };
    }

    private async build(name: string, args: ServiceEndpointArgs, prepared?: EndpointPrepared): Promise<EndpointBuilt> {
        const p = prepared ?? (await this.prepare(name, args));
        const adopted = present(p.facts.adopted) ? p.facts.adopted : undefined;
        const activation = p.facts.subnets.filter(present).find((s) => s.id === p.activationSubnetId);
        const activationSubnetId = pulumi.output(
            p.activationSubnetId === UNKNOWN
                ? pulumi.output(args.activationSubnetId ?? pulumi.output(args.subnetIds).apply((s) => s[0]))
                : p.activationSubnetId,
        );
        const group = this.securityGroup(name, args, p);
        const rules = planEndpointRules(p.peers, args.supportChannel ?? DEFAULTS.endpoint.supportChannel).map(
            (rule) =>
                new aws.vpc.SecurityGroupIngressRule(
                    `${name}-${rule.key}`,
                    {
                        ...regionOf(p.placement),
                        securityGroupId: group.id,
                        cidrIpv4: rule.peer.cidr,
                        referencedSecurityGroupId: rule.peer.securityGroupId,
                        ipProtocol: rule.port.protocol,
                        fromPort: rule.port.fromPort,
                        toPort: rule.port.toPort,
                        description: endpointRuleDescription(rule.port),
                        tags: args.tags,
                    },
                    onSide(this, p.placement),
                ),
        );
        const endpoint = adopted ? undefined : this.endpoint(name, args, p, group.id);
        return {
            vpcEndpointId: endpoint ? endpoint.id : pulumi.output(adopted!.id),
            endpointPrivateIp: endpoint
                ? pulumi.all([endpoint.subnetConfigurations, activationSubnetId]).apply(([c, s]) => chooseEndpointIp(c, s))
                : activationSubnetId.apply((s) => chooseEndpointIp(interfaceAddresses(adopted!.interfaces), s)),
            securityGroupId: group.id,
            securityGroupArn: group.arn,
            // Unknown while the subnet is (a preview of a subnet not created yet), never a placeholder.
            subnetArn: activationSubnetId.apply(() => activation?.arn ?? ""),
            activationSubnetCidr: activationSubnetId.apply(() => activation?.cidrBlock ?? ""),
            region: p.side.region,
            rules,
        };
    }

    private securityGroup(name: string, args: ServiceEndpointArgs, p: EndpointPrepared): { id: pulumi.Output<string>; arn: pulumi.Output<string> } {
        const adopted = p.facts.adoptedGroup;
        if (present(adopted)) {
            return { id: pulumi.output(adopted.id), arn: pulumi.output(adopted.arn) };
        }
        // No inline rules and no egress: rules are separate resources (so adopted and created groups
        // behave alike), and endpoint and task interfaces only answer.
        return new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                ...regionOf(p.placement),
                namePrefix: securityGroupNamePrefix(`${name}-endpoint`),
                vpcId: args.vpcId,
                description: "DataSync interface endpoint and task network interfaces: agents in on 443 and 1024-1064",
                tags: withName(args.tags, `${name}-sg`),
            },
            onSide(this, p.placement),
        );
    }

    private endpoint(name: string, args: ServiceEndpointArgs, p: EndpointPrepared, groupId: pulumi.Output<string>): aws.ec2.VpcEndpoint {
        return new aws.ec2.VpcEndpoint(
            `${name}-endpoint`,
            {
                ...regionOf(p.placement),
                vpcId: args.vpcId,
                vpcEndpointType: "Interface",
                serviceName: datasyncServiceName(p.side.region, args.fips ?? DEFAULTS.endpoint.fips),
                // Private DNS stays off: AWS recommends it so that agents in the VPC that use a public
                // DataSync endpoint keep reaching it; a private agent activates by IP either way.
                privateDnsEnabled: false,
                subnetIds: args.subnetIds,
                securityGroupIds: [groupId],
                tags: withName(args.tags, `${name}-endpoint`),
            },
            onSide(this, p.placement),
        );
    }
}

/** The facts checks' view of an endpoint's inputs. */
export function endpointCheckInputs(
    a: Known<Pick<ServiceEndpointArgs, "fips" | "existingVpcEndpointId" | "existingSecurityGroupId">>,
    vpcId: string,
    activationSubnetId: string,
    serviceName: string,
) {
    return {
        vpcId,
        activationSubnetId,
        serviceName,
        fips: a.fips ?? DEFAULTS.endpoint.fips,
        creates: a.existingVpcEndpointId === undefined,
        existingSecurityGroupId: typeof a.existingSecurityGroupId === "string" ? a.existingSecurityGroupId : undefined,
    };
}
