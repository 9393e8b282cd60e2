import * as pulumi from "@pulumi/pulumi";
import type { FirewallRule } from "../args/firewallRule";
import type { PrivateAgentArgs, PrivateAgentOutputs } from "../args/privateAgent";
import { uniqueRules, validatePrivateAgent } from "../plan";
import { Agent } from "./agent";
import { NetworkLink } from "./networkLink";
import { OutputsOf } from "./outputsOf";
import { ServiceEndpoint } from "./serviceEndpoint";
import { sideProviders } from "./sides";
import { TOKENS } from "./tokens";
import { failOnProblems, knownNow } from "./validation";

/**
 * The endpoint, the optional link and every agent, wired together. Each agent adds its
 * own address to the endpoint's group, so the group never holds more than the fleet.
 */
export class PrivateAgent extends pulumi.ComponentResource implements OutputsOf<PrivateAgentOutputs> {
    declare readonly agentArn: pulumi.Output<string>;
    declare readonly agentArns: pulumi.Output<string[]>;
    declare readonly vpcEndpointId: pulumi.Output<string>;
    declare readonly endpointPrivateIp: pulumi.Output<string>;
    declare readonly securityGroupId: pulumi.Output<string>;
    declare readonly peeringConnectionId: pulumi.Output<string>;
    declare readonly firewallRules: pulumi.Output<FirewallRule[]>;

    constructor(name: string, args: PrivateAgentArgs, opts?: pulumi.ComponentResourceOptions) {
        failOnProblems("PrivateAgent", validatePrivateAgent(knownNow(args)));
        super(TOKENS.PrivateAgent, name, {}, opts);
        const providers = sideProviders(name, args.source, args.destination, this);

        const endpoint = new ServiceEndpoint(
            name,
            {
                vpcId: args.vpcId,
                subnetIds: args.endpointSubnetIds,
                activationSubnetId: args.activationSubnetId,
                allowedSources: [],
                fips: args.fips,
                supportChannel: args.supportChannel,
                existingVpcEndpointId: args.existingVpcEndpointId,
                existingSecurityGroupId: args.existingSecurityGroupId,
                tags: args.tags,
            },
            { parent: this },
            { provider: providers.destination },
        );

        const link = args.link
            ? new NetworkLink(
                  name,
                  {
                      ...args.link,
                      source: args.source,
                      destination: args.destination,
                      destinationVpcId: args.vpcId,
                      destinationSubnetIds: args.link.destinationSubnetIds ?? args.endpointSubnetIds,
                      tags: args.tags,
                  },
                  { parent: this },
                  { providers },
              )
            : undefined;

        const agents = args.agents.map(
            (spec) =>
                new Agent(
                    `${name}-${spec.name}`,
                    {
                        agentName: spec.name,
                        agentMode: args.agentMode,
                        instance: spec.instance,
                        address: spec.address,
                        activation: spec.activation,
                        activationSourceCidrs: args.activationSourceCidrs,
                        allowWorldActivationSource: args.allowWorldActivationSource,
                        vpcEndpointId: endpoint.vpcEndpointId,
                        endpointPrivateIp: endpoint.endpointPrivateIp,
                        subnetArn: endpoint.subnetArn,
                        securityGroupArn: endpoint.securityGroupArn,
                        endpointSecurityGroupId: endpoint.securityGroupId,
                        taskSubnetCidr: endpoint.activationSubnetCidr,
                        activationRegion: args.activationRegion,
                        fips: args.fips,
                        supportChannel: args.supportChannel,
                        tags: pulumi.all([args.tags ?? {}, spec.tags ?? {}]).apply(([a, b]) => ({ ...a, ...b })),
                    },
                    { parent: this },
                    { providers, activationDependsOn: link ? [link] : [] },
                ),
        );

        this.agentArns = pulumi.all(agents.map((a) => a.agentArn));
        this.agentArn = agents[0].agentArn;
        this.vpcEndpointId = endpoint.vpcEndpointId;
        this.endpointPrivateIp = endpoint.endpointPrivateIp;
        this.securityGroupId = endpoint.securityGroupId;
        this.peeringConnectionId = link ? link.peeringConnectionId : pulumi.output("");
        this.firewallRules = pulumi.all(agents.map((a) => a.firewallRules)).apply((tables) => uniqueRules(tables.flat()));
        this.registerOutputs({
            agentArn: this.agentArn,
            agentArns: this.agentArns,
            vpcEndpointId: this.vpcEndpointId,
            endpointPrivateIp: this.endpointPrivateIp,
            securityGroupId: this.securityGroupId,
            peeringConnectionId: this.peeringConnectionId,
            firewallRules: this.firewallRules,
        });
    }
}
