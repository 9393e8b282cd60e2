import * as pulumi from "@pulumi/pulumi";
import type { AgentSpec } from "../args/agentSpec";
import type { FirewallRule } from "../args/firewallRule";
import type { PrivateAgentArgs, PrivateAgentOutputs } from "../args/privateAgent";
import { DEFAULTS, EndpointPeer, parseSource, uniqueRules } from "../plan";
import { Agent } from "./agent";
import { AgentGroup, agentGroup } from "./agentGroup";
import { built } from "./building";
import { Deferred } from "./deferred";
import { FleetChecked, checkFleet } from "./fleetChecks";
import { NetworkLink } from "./networkLink";
import { OutputsOf } from "./outputsOf";
import { EndpointPeerInput, ServiceEndpoint } from "./serviceEndpoint";
import { TOKENS } from "./tokens";

interface FleetBuilt {
    agents: Agent[];
    endpoint: ServiceEndpoint;
    link?: NetworkLink;
}

/**
 * The endpoint, the optional link and every agent, wired together. Everything is checked first -
 * the inputs, both sides' credentials, the subnets, gateways and instance types as AWS reports
 * them, the quotas - and only then is anything created.
 */
export class PrivateAgent extends pulumi.ComponentResource implements OutputsOf<PrivateAgentOutputs> {
    declare readonly agentArn: pulumi.Output<string>;
    declare readonly agentArns: pulumi.Output<string[]>;
    declare readonly vpcEndpointId: pulumi.Output<string>;
    declare readonly endpointPrivateIp: pulumi.Output<string>;
    declare readonly securityGroupId: pulumi.Output<string>;
    declare readonly peeringConnectionId: pulumi.Output<string>;
    declare readonly firewallRules: pulumi.Output<FirewallRule[]>;
    readonly ready: Promise<void>;

    constructor(name: string, args: PrivateAgentArgs, opts?: pulumi.ComponentResourceOptions) {
        super(TOKENS.PrivateAgent, name, {}, opts);
        const b = built(this.build(name, args));
        this.ready = b.ready;
        this.agentArns = b.output((x) => pulumi.all(x.agents.map((a) => a.agentArn)));
        this.agentArn = b.output((x) => x.agents[0].agentArn);
        this.vpcEndpointId = b.output((x) => x.endpoint.vpcEndpointId);
        this.endpointPrivateIp = b.output((x) => x.endpoint.endpointPrivateIp);
        this.securityGroupId = b.output((x) => x.endpoint.securityGroupId);
        this.peeringConnectionId = b.output((x) => x.link?.peeringConnectionId ?? "");
        this.firewallRules = b.output((x) =>
            pulumi.all([...x.agents.map((a) => a.firewallRules), x.link?.firewallRules ?? []]).apply((t) => uniqueRules(t.flat())),
        );
        void b.settled.then(() =>
            this.registerOutputs({
                agentArn: this.agentArn,
                agentArns: this.agentArns,
                vpcEndpointId: this.vpcEndpointId,
                endpointPrivateIp: this.endpointPrivateIp,
                securityGroupId: this.securityGroupId,
                peeringConnectionId: this.peeringConnectionId,
                firewallRules: this.firewallRules,
            }),
        );
    }

    private async build(name: string, args: PrivateAgentArgs): Promise<FleetBuilt> {
        const c = await checkFleet(name, args, this);
        const link = c.link
            ? new NetworkLink(
                  name,
                  {
                      ...args.link!,
                      source: args.source,
                      destination: args.destination,
                      destinationVpcId: args.vpcId,
                      destinationSubnetIds: args.link!.destinationSubnetIds ?? args.endpointSubnetIds,
                      tags: args.tags,
                  },
                  { parent: this },
                  { placements: c.placements, source: c.source, destination: c.destination, facts: c.link.facts, plan: c.link.plan },
              )
            : undefined;
        const endpointIp = new Deferred<string>();
        const activationRange = new Deferred<string>();
        const taskCidrs = args.taskInterfaceCidrs ?? [activationRange.output];
        const launched = args.agents.filter((s) => s.instance !== undefined);
        const group = launched.length > 0 ? this.agentGroup(name, args, c, endpointIp.output, taskCidrs) : undefined;
        const addresses = new Map(args.agents.map((s) => [s.name, new Deferred<string>()]));
        const endpoint = new ServiceEndpoint(
            name,
            {
                vpcId: args.vpcId,
                subnetIds: args.endpointSubnetIds,
                activationSubnetId: args.activationSubnetId,
                fips: args.fips,
                supportChannel: args.supportChannel,
                existingVpcEndpointId: args.existingVpcEndpointId,
                existingSecurityGroupId: args.existingSecurityGroupId,
                tags: args.tags,
            },
            { parent: this },
            {
                placement: c.placements.destination,
                side: c.destination,
                facts: c.endpoint,
                activationSubnetId: c.activationSubnetId,
                peers: this.peers(args, c, group, addresses, link),
            },
        );
        endpointIp.resolve(endpoint.endpointPrivateIp);
        activationRange.resolve(endpoint.activationSubnetCidr);
        const agents = args.agents.map((spec) => this.agent(name, spec, args, c, endpoint, group, link, taskCidrs));
        agents.forEach((a, i) => addresses.get(args.agents[i].name)!.resolve(a.agentAddress));
        await Promise.all([endpoint.ready, link?.ready, ...agents.map((a) => a.ready)]);
        return { agents, endpoint, link };
    }

    private agentGroup(
        name: string,
        args: PrivateAgentArgs,
        c: FleetChecked,
        endpointIp: pulumi.Output<string>,
        taskCidrs: pulumi.Input<string>[],
    ): AgentGroup {
        const allManual = args.agents.every((s) => s.instance === undefined || s.activation?.mode === "manual");
        return agentGroup(
            `${name}-agents`,
            {
                vpcId: c.agentVpcId!,
                activationSourceCidrs: allManual ? [] : (args.activationSourceCidrs ?? []),
                endpointIp,
                taskCidrs,
                storage: args.storageEgress ?? [],
                dnsServers: args.dnsServers ?? [],
                supportChannel: args.supportChannel ?? DEFAULTS.endpoint.supportChannel,
                tags: args.tags,
            },
            this,
            c.placements.source,
        );
    }

    /** The endpoint group's peers, from the plan: the agents' group by reference, each agent's address, or the source ranges. */
    private peers(
        args: PrivateAgentArgs,
        c: FleetChecked,
        group: AgentGroup | undefined,
        addresses: Map<string, Deferred<string>>,
        link: NetworkLink | undefined,
    ): EndpointPeerInput[] {
        const ranges = [...(args.link?.sourceCidrBlocks ?? []), ...(args.link?.onPremCidrBlocks ?? [])];
        return c.endpointPeers.map((peer: EndpointPeer): EndpointPeerInput => {
            switch (peer.kind) {
                case "agentGroup": {
                    // A group across a peering is named with its account, once the peering is active.
                    const owner = c.source.account === c.destination.account ? "" : `${c.source.account}/`;
                    const ref = pulumi.all([group!.id, link?.peeringConnectionId ?? ""]).apply(([g]) => `${owner}${g}`);
                    return { key: peer.key, securityGroupId: ref };
                }
                case "agentAddress":
                    return { key: peer.key, cidr: addresses.get(peer.agent)!.output.apply((a) => `${a}/32`) };
                case "sourceRange":
                    return { key: peer.key, cidr: pulumi.output(ranges[peer.index]).apply((r) => parseSource(r)!.text) };
            }
        });
    }

    private agent(
        name: string,
        spec: AgentSpec,
        args: PrivateAgentArgs,
        c: FleetChecked,
        endpoint: ServiceEndpoint,
        group: AgentGroup | undefined,
        link: NetworkLink | undefined,
        taskCidrs: pulumi.Input<string>[],
    ): Agent {
        return new Agent(
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
                taskInterfaceCidrs: args.taskInterfaceCidrs,
                storageEgress: args.storageEgress,
                dnsServers: args.dnsServers,
                activationRegion: args.activationRegion,
                fips: args.fips,
                supportChannel: args.supportChannel,
                tags: pulumi.all([args.tags ?? {}, spec.tags ?? {}]).apply(([a, b]) => ({ ...a, ...b })),
            },
            { parent: this },
            {
                placements: c.placements,
                region: c.destination.region,
                taskCidrs,
                group,
                activationDependsOn: [endpoint.rules, ...(link ? [link.resources] : [])],
            },
        );
    }
}
