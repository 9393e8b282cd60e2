import type { AgentSpec } from "../../args/agentSpec";
import { contains, isIpv4, parseCidr } from "../cidr";
import { isAtLeast2xlarge } from "../instanceType";
import { Known, knownList, Unknown, val } from "../known";
import { at, Problems } from "../problems";
import { activationMode, checkActivation } from "./activation";
import { checkSources, checkTags } from "./common";

export interface AgentContext {
    /** Known source-side ranges agents must live in (link source and on-prem ranges). */
    sourceRanges?: string[];
    activationSourceCidrs: (string | Unknown)[] | undefined;
    activationSourcePath: string;
    allowWorldActivationSource: boolean;
}

/** The part of an agent's inputs shared by Agent and each PrivateAgent fleet member. */
export type KnownAgentSpec = Omit<Known<AgentSpec>, "name"> & { name?: string | Unknown };

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
    const address = val(a.address);
    if (address !== undefined) {
        if (!isIpv4(address)) {
            p.add(at(path, "address"), address, "not an IPv4 address", "give the agent VM's private IPv4 address, e.g. 10.20.1.15");
        } else if (ctx.sourceRanges && ctx.sourceRanges.length > 0) {
            const ranges = ctx.sourceRanges.map(parseCidr).filter((c) => c !== undefined);
            if (!ranges.some((r) => contains(r!, address))) {
                p.add(at(path, "address"), address, `outside every source range (${ctx.sourceRanges.join(", ")}), so no route leads back to it`, "fix the address, or add its range to link.sourceCidrBlocks or link.onPremCidrBlocks");
            }
        }
    }
    if (a.instance !== undefined) {
        const type = val(a.instance.instanceType);
        if (type !== undefined && !isAtLeast2xlarge(type)) {
            p.add(at(path, "instance.instanceType"), type, "DataSync agents need at least a 2xlarge instance", 'use "m5.2xlarge" (basic) or "m6a.2xlarge" (enhanced), or larger');
        }
        const mode = activationMode(a.activation);
        const sources = knownList(ctx.activationSourceCidrs);
        if (mode !== "manual" && ctx.activationSourceCidrs === undefined) {
            p.add(ctx.activationSourcePath, undefined, "an EC2 agent's port 80 must be opened to the host that requests the activation key", "set it to the address of the machine running Pulumi (or the jump host), e.g. 10.0.0.10/32");
        } else if (mode !== "manual" && sources.complete && sources.items.length === 0) {
            p.add(ctx.activationSourcePath, [], "empty; nothing could reach the agent's port 80", "list the machine running Pulumi or the jump host");
        }
    }
    checkActivation(p, at(path, "activation"), a.activation);
    checkTags(p, at(path, "tags"), a.tags);
}

export function checkActivationSources(p: Problems, ctx: AgentContext): void {
    checkSources(p, ctx.activationSourcePath, ctx.activationSourceCidrs, ctx.allowWorldActivationSource, "allowWorldActivationSource");
}
