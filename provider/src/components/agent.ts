import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AgentArgs, AgentOutputs } from "../args/agent";
import type { FirewallRule } from "../args/firewallRule";
import { activationKey } from "../activation/command";
import { checkActivationRegion, checkFips, firewallTable, parseSource, planEndpointRules, Problems, validateAgent } from "../plan";
import { launchAgentInstance } from "./agentInstance";
import { lookupRegion } from "./lookups";
import { OutputsOf } from "./outputsOf";
import { on, SideProviders, sideProviders } from "./sides";
import { TOKENS } from "./tokens";
import { failOnProblems, gate, knownNow } from "./validation";

function activationHosts(settings: { mode?: string; jumpHost?: unknown }, sources: string[]): string[] {
    if (settings.mode === "manual") {
        return [];
    }
    if (sources.length > 0) {
        return sources.map((s) => parseSource(s)?.text ?? s);
    }
    return [settings.mode === "remote" ? "the jump host" : "the machine running Pulumi"];
}

/** A PrivateAgent hands its side providers to its agents instead of making new ones. */
export interface AgentInternals {
    providers?: SideProviders;
    /** What the activation must wait for beyond this agent's own resources (e.g. the network link). */
    activationDependsOn?: pulumi.Resource[];
}

export class Agent extends pulumi.ComponentResource implements OutputsOf<AgentOutputs> {
    declare readonly agentArn: pulumi.Output<string>;
    declare readonly agentAddress: pulumi.Output<string>;
    declare readonly instanceId: pulumi.Output<string>;
    declare readonly firewallRules: pulumi.Output<FirewallRule[]>;

    constructor(name: string, args: AgentArgs, opts?: pulumi.ComponentResourceOptions, internals: AgentInternals = {}) {
        failOnProblems("Agent", validateAgent(knownNow(args)));
        super(TOKENS.Agent, name, {}, opts);
        const providers = internals.providers ?? sideProviders(name, args.source, args.destination, this);

        const endpointRegion = lookupRegion(this, providers.destination);
        const region = gate<AgentArgs, string>("Agent", args, endpointRegion, (a, r) => {
            const p = new Problems();
            p.list.push(...validateAgent(a));
            checkActivationRegion(p, "activationRegion", a.activationRegion, r);
            checkFips(p, "fips", a.fips, r);
            return p.list;
        });

        const mode = args.agentMode ?? "basic";
        const supportChannel = args.supportChannel === true;
        const activationSources = args.activationSourceCidrs ?? [];
        const launched = args.instance
            ? launchAgentInstance(
                  name,
                  {
                      agentName: args.agentName ?? name,
                      instance: args.instance,
                      agentMode: mode,
                      activationSourceCidrs: args.activation?.mode === "manual" ? [] : activationSources,
                      endpointIp: args.endpointPrivateIp,
                      taskSubnetCidr: args.taskSubnetCidr!,
                      supportChannel,
                      tags: args.tags,
                      ready: region,
                  },
                  this,
                  providers.source,
              )
            : undefined;
        const instance = launched?.instance;
        const address = instance ? instance.privateIp : pulumi.all([region, args.address!]).apply(([, a]) => a);

        const endpointRules = args.endpointSecurityGroupId
            ? planEndpointRules(1, supportChannel).map(
                  (rule) =>
                      new aws.vpc.SecurityGroupIngressRule(
                          `${name}-endpoint-${rule.key}`,
                          {
                              securityGroupId: args.endpointSecurityGroupId!,
                              cidrIpv4: address.apply((a) => `${a}/32`),
                              ipProtocol: rule.port.protocol,
                              fromPort: rule.port.fromPort,
                              toPort: rule.port.toPort,
                              description: `${rule.port.purpose} (${args.agentName ?? name})`,
                              tags: args.tags,
                          },
                          on(this, providers.destination),
                      ),
              )
            : [];

        const settings = args.activation ?? {};
        const key = activationKey(
            name,
            {
                settings,
                identity: instance ? instance.id : address,
                dependsOn: [...(launched?.rules ?? []), ...endpointRules, ...(internals.activationDependsOn ?? [])],
                target: pulumi
                    .all([address, settings.addressOverride, region, args.endpointPrivateIp])
                    .apply(([addr, override, r, ip]) => ({ agentAddress: override ?? addr, region: r, fips: args.fips === true, endpointIp: ip })),
            },
            this,
        );

        const agentName = args.agentName ?? name;
        const agent = new aws.datasync.Agent(
            `${name}-agent`,
            {
                name: agentName,
                activationKey: key,
                vpcEndpointId: args.vpcEndpointId,
                subnetArns: [args.subnetArn],
                securityGroupArns: [args.securityGroupArn],
                tags: args.tags,
            },
            on(this, providers.destination, { additionalSecretOutputs: ["activationKey"] }),
        );

        this.agentArn = agent.arn;
        this.agentAddress = address;
        this.instanceId = instance ? instance.id : pulumi.output("");
        this.firewallRules = pulumi
            .all([address, pulumi.output(activationSources), args.endpointPrivateIp, args.taskSubnetCidr ?? "the activation subnet"])
            .apply(([addr, srcs, ip, tasks]) =>
                firewallTable({
                    activationSources: activationHosts(settings, srcs),
                    agents: [addr],
                    endpointIp: ip,
                    taskSubnetCidr: tasks,
                    supportChannel,
                }),
            );
        this.registerOutputs({ agentArn: this.agentArn, agentAddress: this.agentAddress, instanceId: this.instanceId, firewallRules: this.firewallRules });
    }
}
