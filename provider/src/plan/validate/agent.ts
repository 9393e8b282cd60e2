import type { AgentNetwork } from "../../args/agentNetwork";
import type { AgentSpec } from "../../args/agentSpec";
import { notAHost } from "../addresses";
import { contains, isIpv4, parseCidr, parseSource } from "../cidr";
import { isAtLeast2xlarge } from "../instanceType";
import { Known, knownList, Unknown, val } from "../known";
import { agentNameProblem } from "../names";
import { at, Problems } from "../problems";
import { activationMode, checkActivation } from "./activation";
import { checkEnum, checkId, checkIdList, checkIntRange, checkSourceList, checkSources, checkTags } from "./common";

export interface AgentContext {
    /** Known source-side ranges agents must live in (link source and on-prem ranges). */
    sourceRanges?: string[];
    activationSourceCidrs: (string | Unknown)[] | Unknown | undefined;
    activationSourcePath: string;
    allowWorldActivationSource: boolean;
}

/** The part of an agent's inputs shared by Agent and each PrivateAgent fleet member. */
export type KnownAgentSpec = Omit<Known<AgentSpec>, "name"> & { name?: string | Unknown };

/** Where the agent's name sits: `agents[i].name` in a fleet, `agentName` on a standalone Agent. */
export function checkAgentName(p: Problems, path: string, name: unknown): void {
    const n = val(name as string | Unknown | undefined);
    const problem = typeof n === "string" ? agentNameProblem(n) : undefined;
    if (problem) {
        p.add(path, n, problem, "rename the agent");
    }
}

function checkAddress(p: Problems, path: string, address: string, ctx: AgentContext): void {
    if (!isIpv4(address)) {
        p.add(path, address, "not an IPv4 address", "give the agent VM's private IPv4 address, e.g. 10.20.1.15");
        return;
    }
    const why = notAHost(address);
    if (why !== undefined) {
        p.add(path, address, `is ${why}, which cannot be an agent`, "give the agent VM's own private IPv4 address");
        return;
    }
    if (ctx.sourceRanges && ctx.sourceRanges.length > 0) {
        const ranges = ctx.sourceRanges.map(parseCidr).filter((c) => c !== undefined);
        if (!ranges.some((r) => contains(r!, address))) {
            p.add(
                path,
                address,
                `outside every source range (${ctx.sourceRanges.join(", ")}), so no route leads back to it`,
                "fix the address, or add its range to link.sourceCidrBlocks or link.onPremCidrBlocks",
            );
        }
    }
}

function checkInstance(p: Problems, path: string, a: KnownAgentSpec, ctx: AgentContext): void {
    const instance = a.instance!;
    checkId(p, at(path, "instance.subnetId"), "subnet", instance.subnetId);
    checkId(p, at(path, "instance.amiId"), "ami", instance.amiId);
    checkIdList(p, at(path, "instance.extraSecurityGroupIds"), "sg", instance.extraSecurityGroupIds);
    const type = val(instance.instanceType);
    if (type !== undefined && !isAtLeast2xlarge(type)) {
        p.add(
            at(path, "instance.instanceType"),
            type,
            "DataSync agents need at least a 2xlarge instance",
            'use "m5.2xlarge" (basic) or "m6a.2xlarge" (enhanced), or larger',
        );
    }
    const mode = activationMode(a.activation);
    const sources = knownList(ctx.activationSourceCidrs);
    if (mode !== "manual" && ctx.activationSourceCidrs === undefined) {
        p.add(
            ctx.activationSourcePath,
            undefined,
            "an EC2 agent's port 80 must be opened to the host that requests the activation key",
            "set it to the address of the machine running Pulumi (or the jump host), e.g. 10.0.0.10/32",
        );
    } else if (mode !== "manual" && sources.complete && sources.items.length === 0) {
        p.add(ctx.activationSourcePath, [], "empty; nothing could reach the agent's port 80", "list the machine running Pulumi or the jump host");
    }
}

export function checkAgentSpec(p: Problems, path: string, a: KnownAgentSpec, ctx: AgentContext): void {
    const hasInstance = a.instance !== undefined;
    const hasAddress = a.address !== undefined;
    if (hasInstance === hasAddress) {
        p.add(
            hasInstance ? at(path, "address") : at(path, "instance"),
            hasInstance ? val(a.address) : undefined,
            hasInstance ? "both instance and address are set; an agent is either launched or already exists" : "neither instance nor address is set",
            "set instance to launch an EC2 agent, or address for an existing agent VM, not both",
        );
    }
    checkAgentName(p, at(path, "name"), a.name);
    const address = val(a.address);
    if (address !== undefined) {
        checkAddress(p, at(path, "address"), address, ctx);
    }
    if (hasInstance) {
        checkInstance(p, path, a, ctx);
    }
    checkActivation(p, at(path, "activation"), a.activation);
    checkTags(p, at(path, "tags"), a.tags);
}

export function checkActivationSources(p: Problems, ctx: AgentContext): void {
    checkSources(p, ctx.activationSourcePath, ctx.activationSourceCidrs, ctx.allowWorldActivationSource, "allowWorldActivationSource");
}

/** The EC2 agents' own network settings: task interface ranges, storage flows, DNS servers. */
export function checkAgentNetwork(p: Problems, path: string, n: Known<AgentNetwork>): void {
    checkSourceList(p, at(path, "taskInterfaceCidrs"), n.taskInterfaceCidrs);
    if (Array.isArray(n.taskInterfaceCidrs) && n.taskInterfaceCidrs.length === 0) {
        p.add(
            at(path, "taskInterfaceCidrs"),
            [],
            "empty; agents could not reach any task network interface",
            "leave it unset (the activation subnet) or list the ranges task interfaces live in",
        );
    }
    (Array.isArray(n.storageEgress) ? n.storageEgress : []).forEach((s, i) => {
        const sp = `${at(path, "storageEgress")}[${i}]`;
        const cidr = val(s.cidrBlock);
        if (cidr !== undefined && !parseSource(cidr)) {
            p.add(at(sp, "cidrBlock"), cidr, "not an IPv4 address or CIDR block", "give the storage server's address or range");
        }
        checkEnum(p, at(sp, "protocol"), s.protocol, ["tcp", "udp"], 'use "tcp" or "udp"');
        checkIntRange(p, at(sp, "fromPort"), s.fromPort, 0, 65535, "ports");
        checkIntRange(p, at(sp, "toPort"), s.toPort, 0, 65535, "ports");
        const from = val(s.fromPort);
        const to = val(s.toPort);
        if (from !== undefined && to !== undefined && to < from) {
            p.add(at(sp, "toPort"), to, `lower than fromPort (${from})`, "give the range as fromPort to toPort");
        }
    });
    knownList(n.dnsServers as (string | Unknown)[] | Unknown | undefined).items.forEach((d, i) => {
        if (!isIpv4(d)) {
            p.add(`${at(path, "dnsServers")}[${i}]`, d, "not an IPv4 address", "give the DNS server's address");
        }
    });
}
