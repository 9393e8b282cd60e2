import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AgentArgs, AgentOutputs } from "../args/agent";
import type { FirewallRule } from "../args/firewallRule";
import { activationKey } from "../activation/command";
import {
    checkAgentFacts,
    checkSideFacts,
    DEFAULTS,
    firewallTable,
    Known,
    parseEc2Arn,
    parseSource,
    planEndpointRules,
    present,
    Problems,
    storageFlow,
    validateAgent,
} from "../plan";
import { AgentGroup, agentGroup } from "./agentGroup";
import { launchAgentInstance } from "./agentInstance";
import { regionProblems } from "./fleetChecks";
import { built, endpointRuleDescription, failOnProblems, warnAll } from "./building";
import { agentInstanceFacts, sideFacts } from "./facts";
import * as lookups from "./lookups";
import { OutputsOf } from "./outputsOf";
import { onSide, Placements, placements, regionOf } from "./placement";
import { resolveKnown } from "./resolve";
import { TOKENS } from "./tokens";

/** What an agent is built from once checked: by its PrivateAgent, or by the agent itself. */
export interface AgentPrepared {
    placements: Placements;
    /** The activation Region: the endpoint's. */
    region: string;
    /** Where task interfaces live (the activation subnet's range unless the user named others). */
    taskCidrs: pulumi.Input<string>[];
    /** The fleet's agent group; a standalone agent makes its own. */
    group?: AgentGroup;
    /** The VPC of the agent's subnet, for its own group. */
    vpcId?: pulumi.Input<string>;
    /** What the activation waits for beyond the agent's own resources (the link, the endpoint's rules). */
    activationDependsOn: pulumi.Output<pulumi.Resource[]>[];
}

interface AgentBuilt {
    agentArn: pulumi.Output<string>;
    agentAddress: pulumi.Output<string>;
    instanceId: pulumi.Output<string>;
    taskCidrs: pulumi.Input<string>[];
}

function activationHosts(settings: { mode?: string }, sources: string[]): string[] {
    if (settings.mode === "manual") {
        return [];
    }
    if (sources.length > 0) {
        return sources.map((s) => parseSource(s)?.text ?? s);
    }
    return [settings.mode === "remote" ? "the jump host" : "the machine running Pulumi"];
}

export class Agent extends pulumi.ComponentResource implements OutputsOf<AgentOutputs> {
    declare readonly agentArn: pulumi.Output<string>;
    declare readonly agentAddress: pulumi.Output<string>;
    declare readonly instanceId: pulumi.Output<string>;
    declare readonly firewallRules: pulumi.Output<FirewallRule[]>;
    /** Resolves once every child is registered; rejects, before any child exists, when a check fails. */
    readonly ready: Promise<void>;

    constructor(name: string, args: AgentArgs, opts?: pulumi.ComponentResourceOptions, prepared?: AgentPrepared) {
        super(TOKENS.Agent, name, {}, opts);
        const b = built(this.build(name, args, prepared));
        this.ready = b.ready;
        this.agentArn = b.output((x) => x.agentArn);
        this.agentAddress = b.output((x) => x.agentAddress);
        this.instanceId = b.output((x) => x.instanceId);
        const settings = args.activation ?? {};
        this.firewallRules = pulumi
            .all([
                this.agentAddress,
                pulumi.output(args.activationSourceCidrs ?? []),
                args.endpointPrivateIp,
                b.output((x) => pulumi.all(x.taskCidrs)),
                pulumi.output(args.storageEgress ?? []),
                pulumi.output(args.dnsServers ?? []),
            ])
            .apply(([address, sources, endpointIp, taskCidrs, storage, dnsServers]) =>
                firewallTable({
                    activationSources: activationHosts(settings, sources),
                    agents: [address],
                    endpointIp,
                    taskCidrs,
                    storage: args.instance ? storage.map((s) => ({ cidr: s.cidrBlock, ...storageFlow(s) })) : [],
                    dnsServers: args.instance ? dnsServers : [],
                    supportChannel: args.supportChannel ?? DEFAULTS.endpoint.supportChannel,
                }),
            );
        void b.settled.then(() =>
            this.registerOutputs({ agentArn: this.agentArn, agentAddress: this.agentAddress, instanceId: this.instanceId, firewallRules: this.firewallRules }),
        );
    }

    /** A standalone agent checks its inputs, both sides' credentials and its instance against AWS. */
    private async prepare(name: string, args: AgentArgs): Promise<AgentPrepared> {
        const a = await resolveKnown(args);
        failOnProblems("Agent", validateAgent(a));
        failOnProblems("Agent", await regionProblems(this, a));
        const place = placements(name, { source: args.source, destination: args.destination }, this);
        const src = { parent: this, placement: place.source };
        const dst = { parent: this, placement: place.destination };
        const [source, destination, instance, task] = await Promise.all([
            sideFacts(src),
            sideFacts(dst),
            a.instance === undefined
                ? undefined
                : agentInstanceFacts(src, a.instance.subnetId, a.instance.instanceType ?? DEFAULTS.instance.type[a.agentMode ?? DEFAULTS.agent.mode]),
            taskSubnet(dst, a),
        ]);
        const p = new Problems();
        checkSideFacts(
            p,
            {
                source: a.source,
                destination: a.destination,
                linked: true,
                activationRegion: stringOr(a.activationRegion),
                activationRegionPath: "activationRegion",
            },
            source,
            destination,
        );
        if (instance) {
            checkAgentFacts(
                p,
                [{ path: "", instanceType: String(a.instance!.instanceType ?? DEFAULTS.instance.type[a.agentMode ?? DEFAULTS.agent.mode]), facts: instance }],
                {},
            );
        }
        failOnProblems("Agent", p.list);
        warnAll(this, p.warnings);
        const subnet = instance?.subnet;
        return {
            placements: place,
            region: destination.region,
            taskCidrs: args.taskInterfaceCidrs ?? [task ?? this.activationSubnetRange(args, dst)],
            vpcId: present(subnet) ? subnet.vpcId : undefined,
            activationDependsOn: [],
        };
    }

    private async build(name: string, args: AgentArgs, prepared?: AgentPrepared): Promise<AgentBuilt> {
        const p = prepared ?? (await this.prepare(name, args));
        const supportChannel = args.supportChannel ?? DEFAULTS.endpoint.supportChannel;
        const settings = args.activation ?? {};
        const agentName = args.agentName ?? name;
        const group = args.instance ? (p.group ?? this.ownGroup(name, args, p)) : undefined;
        const instance = args.instance
            ? launchAgentInstance(
                  name,
                  { agentName, instance: args.instance, agentMode: args.agentMode ?? DEFAULTS.agent.mode, groupId: group!.id, tags: args.tags },
                  this,
                  p.placements.source,
              )
            : undefined;
        const address = instance ? instance.privateIp : pulumi.output(args.address!);
        const endpointRules = this.endpointRules(name, args, p, address, supportChannel);
        const key = activationKey(
            name,
            {
                settings,
                bindings: [instance ? instance.id : "", args.vpcEndpointId, args.subnetArn, args.securityGroupArn],
                dependsOn: pulumi.all([pulumi.output([...(group?.rules ?? []), ...endpointRules]), ...p.activationDependsOn]).apply((lists) => lists.flat()),
                target: pulumi.all([address, settings.addressOverride, args.endpointPrivateIp]).apply(([addr, override, ip]) => ({
                    agentAddress: override ?? addr,
                    region: p.region,
                    fips: args.fips ?? DEFAULTS.endpoint.fips,
                    endpointIp: ip,
                })),
            },
            this,
        );
        const agent = new aws.datasync.Agent(
            `${name}-agent`,
            {
                ...regionOf(p.placements.destination),
                name: agentName,
                activationKey: key,
                vpcEndpointId: args.vpcEndpointId,
                subnetArns: [args.subnetArn],
                securityGroupArns: [args.securityGroupArn],
                tags: args.tags,
            },
            // Deleted before it is replaced: the VM's port 80 reopens only once the old agent is gone.
            onSide(this, p.placements.destination, { additionalSecretOutputs: ["activationKey"], deleteBeforeReplace: true }),
        );
        return { agentArn: agent.arn, agentAddress: address, instanceId: instance ? instance.id : pulumi.output(""), taskCidrs: p.taskCidrs };
    }

    private ownGroup(name: string, args: AgentArgs, p: AgentPrepared): AgentGroup {
        const subnetVpc =
            p.vpcId ??
            pulumi.output(args.instance!.subnetId).apply(async (id) => (await lookups.subnet({ parent: this, placement: p.placements.source }, id)).vpcId);
        return agentGroup(
            `${name}-agent`,
            {
                vpcId: subnetVpc,
                activationSourceCidrs: args.activation?.mode === "manual" ? [] : (args.activationSourceCidrs ?? []),
                endpointIp: args.endpointPrivateIp,
                taskCidrs: p.taskCidrs,
                storage: args.storageEgress ?? [],
                dnsServers: args.dnsServers ?? [],
                supportChannel: args.supportChannel ?? DEFAULTS.endpoint.supportChannel,
                tags: args.tags,
            },
            this,
            p.placements.source,
        );
    }

    /** The activation subnet's range once its ARN is known (a preview of a new subnet leaves it unknown). */
    private activationSubnetRange(args: AgentArgs, dst: lookups.Side): pulumi.Output<string> {
        return pulumi.output(args.subnetArn).apply(async (arn) => (await lookups.subnet(dst, parseEc2Arn(arn)!.id)).cidrBlock);
    }

    /** A standalone agent opens the endpoint's group to its own address (a fleet's PrivateAgent does it for all). */
    private endpointRules(name: string, args: AgentArgs, p: AgentPrepared, address: pulumi.Output<string>, supportChannel: boolean): pulumi.Resource[] {
        if (args.endpointSecurityGroupId === undefined) {
            return [];
        }
        return planEndpointRules([{ key: "agent" }], supportChannel).map(
            (rule) =>
                new aws.vpc.SecurityGroupIngressRule(
                    `${name}-endpoint-${rule.key}`,
                    {
                        ...regionOf(p.placements.destination),
                        securityGroupId: args.endpointSecurityGroupId!,
                        cidrIpv4: address.apply((a) => `${a}/32`),
                        ipProtocol: rule.port.protocol,
                        fromPort: rule.port.fromPort,
                        toPort: rule.port.toPort,
                        description: endpointRuleDescription(rule.port),
                        tags: args.tags,
                    },
                    onSide(this, p.placements.destination),
                ),
        );
    }
}

function stringOr(v: unknown): string | undefined {
    return typeof v === "string" ? v : undefined;
}

/** The activation subnet's range, from the subnet ARN CreateAgent gets. */
async function taskSubnet(dst: lookups.Side, a: Known<AgentArgs>): Promise<string | undefined> {
    const arn = parseEc2Arn(a.subnetArn);
    return arn ? (await lookups.subnet(dst, arn.id)).cidrBlock : undefined;
}
