// Input checks for each component: every problem found, in one list.
import type { AgentArgs } from "../../args/agent";
import type { NetworkLinkArgs } from "../../args/networkLink";
import type { PrivateAgentArgs } from "../../args/privateAgent";
import type { ServiceEndpointArgs } from "../../args/serviceEndpoint";
import { DEFAULTS } from "../defaults";
import { TAGS_MAX } from "../names";
import { parseEc2Arn } from "../ids";
import { Known, knownList, val } from "../known";
import { Problem, Problems } from "../problems";
import { isVpcEndpointId } from "../regions";
import { checkAgentName, checkAgentNetwork, checkAgentSpec, checkActivationSources, KnownAgentSpec } from "./agent";
import { checkEnum, checkId, checkIntRange, checkIpv4, checkRegion, checkSources, checkTags, checkUnique } from "./common";
import { checkActivationRegion, checkEndpointSubnets, checkSupportChannel } from "./endpoint";
import { checkLink, KnownLink } from "./link";
import { checkCrossAccountCredentials, checkSide, KnownSide, sideAccount, sideRegion } from "./side";

const AGENT_MODES = ["basic", "enhanced"];
const INGRESS_SCOPES = ["agentAddresses", "sourceRanges"];

/** The rule quota AWS allows at most (60 rules x 16 groups per interface, "Amazon VPC quotas"). */
export const MAX_RULE_QUOTA = 1000;

/** An agent's tags are merged over the fleet's: together they must fit AWS's 50 (with the component's own 2). */
function checkMergedTags(p: Problems, path: string, fleet: unknown, own: unknown): void {
    const keys = (t: unknown) => (t !== null && typeof t === "object" ? Object.keys(t) : []);
    const merged = new Set([...keys(fleet), ...keys(own)]);
    if (keys(own).length > 0 && merged.size > TAGS_MAX - 2) {
        p.add(
            path,
            merged.size,
            `${merged.size} tags once merged over the fleet's tags; AWS takes ${TAGS_MAX} per resource and the component adds 2 of its own (Name, DataSyncAgent)`,
            `keep the fleet's and this agent's tags to at most ${TAGS_MAX - 2} together`,
        );
    }
}

/** Two agents at one address would be one VM activated twice: the second key request finds port 80 closed. */
function checkUniqueAddresses(p: Problems, agents: KnownAgentSpec[]): void {
    const seen = new Map<string, number>();
    agents.forEach((a, i) => {
        const address = val(a.address);
        if (typeof address !== "string") {
            return;
        }
        const first = seen.get(address);
        if (first !== undefined) {
            p.add(`agents[${i}].address`, address, `is also agents[${first}].address; one VM can be activated only once`, "give each agent its own VM");
        } else {
            seen.set(address, i);
        }
    });
}

function checkVpce(p: Problems, path: string, v: unknown): void {
    const vpce = val(v as string);
    if (vpce !== undefined && !isVpcEndpointId(vpce)) {
        p.add(path, vpce, "not a VPC endpoint ID (vpce- and 17 hex digits)", "give the DataSync interface endpoint's ID");
    }
}

function checkArn(p: Problems, field: "subnetArn" | "securityGroupArn", v: unknown): void {
    const arn = val(v as string);
    const want = field === "subnetArn" ? "subnet" : "security-group";
    const parsed = parseEc2Arn(arn);
    if (arn !== undefined && parsed?.kind !== want) {
        p.add(field, arn, parsed ? `is a ${parsed.kind} ARN, not a ${want} ARN` : `not an EC2 ${want} ARN`, `pass ServiceEndpoint.${field}`);
    }
}

function checkSides(p: Problems, source: KnownSide, destination: KnownSide): void {
    checkSide(p, "source", source);
    checkSide(p, "destination", destination);
    checkCrossAccountCredentials(p, "source", source, destination);
    checkCrossAccountCredentials(p, "destination", destination, source);
}

/** The endpoint, the activated agent and the task subnet must share an account: only the VM may be elsewhere. */
function checkLinkNeeded(p: Problems, source: KnownSide, destination: KnownSide, link: unknown): void {
    const s = sideAccount(source);
    const d = sideAccount(destination);
    if (link === undefined && s !== undefined && d !== undefined && s !== d) {
        p.add(
            "link",
            undefined,
            `the agents' side (account ${s}) and the endpoint's side (account ${d}) are different accounts, and nothing connects them`,
            'set link with mode "peering", "transitGateway" or "existing" (Direct Connect / VPN)',
        );
    }
}

function linkSourceRanges(link: KnownLink | undefined): string[] | undefined {
    if (!link) {
        return undefined;
    }
    const ranges = [knownList(link.sourceCidrBlocks), knownList(link.onPremCidrBlocks)];
    return ranges.every((r) => r.complete) ? ranges.flatMap((r) => r.items) : undefined;
}

export function validateServiceEndpoint(a: Known<ServiceEndpointArgs>): Problem[] {
    const p = new Problems();
    checkId(p, "vpcId", "vpc", a.vpcId);
    checkEndpointSubnets(p, {
        subnetIds: a.subnetIds,
        subnetPath: "subnetIds",
        activationSubnetId: a.activationSubnetId,
        activationSubnetPath: "activationSubnetId",
    });
    checkSources(p, "allowedSources", a.allowedSources, false);
    checkUnique(p, "allowedSources", a.allowedSources, "source");
    checkTags(p, "tags", a.tags, 1);
    checkVpce(p, "existingVpcEndpointId", a.existingVpcEndpointId);
    checkId(p, "existingSecurityGroupId", "sg", a.existingSecurityGroupId);
    return p.list;
}

export function validateNetworkLink(a: Known<NetworkLinkArgs>): Problem[] {
    const p = new Problems();
    checkSides(p, a.source, a.destination);
    const { source, destination, destinationVpcId, tags, ...link } = a;
    checkLink(p, "", link as KnownLink, { sourceRegion: sideRegion(source), destinationRegion: sideRegion(destination) });
    if (link.mode === "transitGateway" && a.destinationSubnetIds === undefined) {
        p.add("destinationSubnetIds", undefined, "the destination VPC's attachment needs subnets", "list one destination subnet per Availability Zone");
    }
    checkId(p, "destinationVpcId", "vpc", destinationVpcId);
    if (link.mode !== "existing" && destinationVpcId === undefined) {
        p.add("destinationVpcId", undefined, `${link.mode} mode connects the destination VPC`, "set destinationVpcId to the endpoint's VPC");
    }
    checkTags(p, "tags", tags, 1);
    return p.list;
}

export function validateAgent(a: Known<AgentArgs>): Problem[] {
    const p = new Problems();
    checkSides(p, a.source, a.destination);
    checkEnum(p, "agentMode", a.agentMode, AGENT_MODES, 'use "basic" unless you need Enhanced mode');
    const ctx = {
        activationSourceCidrs: a.activationSourceCidrs,
        activationSourcePath: "activationSourceCidrs",
        allowWorldActivationSource: a.allowWorldActivationSource ?? DEFAULTS.activationAccess.allowWorldActivationSource,
    };
    checkAgentSpec(p, "", { ...a, name: undefined, tags: undefined } as KnownAgentSpec, ctx);
    checkAgentName(p, "agentName", a.agentName);
    checkActivationSources(p, ctx);
    checkAgentNetwork(p, "", a);
    checkSupportChannel(p, "supportChannel", a.supportChannel, a.agentMode);
    const endpointRegion = sideRegion(a.destination);
    checkRegion(p, "activationRegion", a.activationRegion);
    checkActivationRegion(p, "activationRegion", a.activationRegion, endpointRegion);
    checkVpce(p, "vpcEndpointId", a.vpcEndpointId);
    checkIpv4(p, "endpointPrivateIp", a.endpointPrivateIp);
    checkArn(p, "subnetArn", a.subnetArn);
    checkArn(p, "securityGroupArn", a.securityGroupArn);
    checkId(p, "endpointSecurityGroupId", "sg", a.endpointSecurityGroupId);
    checkTags(p, "tags", a.tags);
    return p.list;
}

export function validatePrivateAgent(a: Known<PrivateAgentArgs>): Problem[] {
    const p = new Problems();
    checkSides(p, a.source, a.destination);
    checkLinkNeeded(p, a.source, a.destination, a.link);
    checkEnum(p, "agentMode", a.agentMode, AGENT_MODES, 'use "basic" unless you need Enhanced mode');
    checkEnum(p, "ingressScope", a.ingressScope, INGRESS_SCOPES, '"agentAddresses" for a small fleet, "sourceRanges" for a large one');
    checkIntRange(p, "securityGroupRuleQuota", a.securityGroupRuleQuota, 1, MAX_RULE_QUOTA, "rules");
    checkId(p, "vpcId", "vpc", a.vpcId);
    checkId(p, "existingSecurityGroupId", "sg", a.existingSecurityGroupId);
    checkAgentNetwork(p, "", a);
    if (a.ingressScope === "sourceRanges" && a.link === undefined) {
        p.add(
            "ingressScope",
            "sourceRanges",
            "there are no source ranges without a link",
            'declare the link (mode "existing" for routing already in place), or use "agentAddresses"',
        );
    }
    if (a.link !== undefined) {
        checkLink(p, "link", a.link, { sourceRegion: sideRegion(a.source), destinationRegion: sideRegion(a.destination) });
    }
    checkEndpointSubnets(p, {
        subnetIds: a.endpointSubnetIds,
        subnetPath: "endpointSubnetIds",
        activationSubnetId: a.activationSubnetId,
        activationSubnetPath: "activationSubnetId",
    });
    const endpointRegion = sideRegion(a.destination);
    checkRegion(p, "activationRegion", a.activationRegion);
    checkActivationRegion(p, "activationRegion", a.activationRegion, endpointRegion);
    checkSupportChannel(p, "supportChannel", a.supportChannel, a.agentMode);
    const agents = a.agents ?? [];
    if (agents.length === 0) {
        p.add("agents", agents, "at least one agent is required", "add an agent with instance (EC2) or address (existing VM)");
    }
    checkUnique(
        p,
        "agents",
        agents.map((x) => x.name),
        "agent name",
        "name",
    );
    checkUniqueAddresses(p, agents);
    const ctx = {
        sourceRanges: linkSourceRanges(a.link),
        activationSourceCidrs: a.activationSourceCidrs,
        activationSourcePath: "activationSourceCidrs",
        allowWorldActivationSource: a.allowWorldActivationSource ?? DEFAULTS.activationAccess.allowWorldActivationSource,
    };
    agents.forEach((agent, i) => checkAgentSpec(p, `agents[${i}]`, agent, ctx));
    agents.forEach((agent, i) => checkMergedTags(p, `agents[${i}].tags`, a.tags, agent.tags));
    checkActivationSources(p, ctx);
    checkTags(p, "tags", a.tags);
    checkVpce(p, "existingVpcEndpointId", a.existingVpcEndpointId);
    return p.list;
}
