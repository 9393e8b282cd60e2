// Input checks for each component: every problem found, in one list.
import type { AgentArgs } from "../../args/agent";
import type { NetworkLinkArgs } from "../../args/networkLink";
import type { PrivateAgentArgs } from "../../args/privateAgent";
import type { ServiceEndpointArgs } from "../../args/serviceEndpoint";
import { isIpv4 } from "../cidr";
import { Known, knownList, val } from "../known";
import { Problem, Problems } from "../problems";
import { isVpcEndpointId } from "../regions";
import { checkAgentSpec, checkActivationSources, KnownAgentSpec } from "./agent";
import { checkRegion, checkSources, checkTags, checkUnique } from "./common";
import { checkActivationRegion, checkAgentMode, checkEndpointSubnets, checkFips, checkSupportChannel } from "./endpoint";
import { checkLink, KnownLink } from "./link";
import { checkCrossAccountCredentials, checkSide, KnownSide, sideAccount, sideRegion } from "./side";

const ARN = /^arn:aws[a-z-]*:ec2:[a-z0-9-]+:\d{12}:(subnet|security-group)\/[\w-]+$/;

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
        p.add("link", undefined, `the agents' side (account ${s}) and the endpoint's side (account ${d}) are different accounts, and nothing connects them`, 'set link with mode "peering", "transitGateway" or "existing" (Direct Connect / VPN)');
    }
}

function linkSourceRanges(link: KnownLink | undefined): string[] | undefined {
    if (!link) {
        return undefined;
    }
    const ranges = [knownList(link.sourceCidrBlocks), knownList(link.onPremCidrBlocks)];
    return ranges.every((r) => r.complete) ? ranges.flatMap((r) => r.items) : undefined;
}

export function validateServiceEndpoint(a: Known<ServiceEndpointArgs>, region?: string): Problem[] {
    const p = new Problems();
    checkEndpointSubnets(p, { subnetIds: a.subnetIds, subnetPath: "subnetIds", activationSubnetId: a.activationSubnetId, activationSubnetPath: "activationSubnetId" });
    checkSources(p, "allowedSources", a.allowedSources, false);
    checkFips(p, "fips", a.fips, region);
    checkTags(p, "tags", a.tags);
    const vpce = val(a.existingVpcEndpointId);
    if (vpce !== undefined && !isVpcEndpointId(vpce)) {
        p.add("existingVpcEndpointId", vpce, "not a VPC endpoint ID (vpce- and 17 hex digits)", "give the DataSync interface endpoint's ID");
    }
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
    if (link.mode !== "existing" && destinationVpcId === undefined) {
        p.add("destinationVpcId", undefined, `${link.mode} mode connects the destination VPC`, "set destinationVpcId to the endpoint's VPC");
    }
    checkTags(p, "tags", tags);
    return p.list;
}

export function validateAgent(a: Known<AgentArgs>): Problem[] {
    const p = new Problems();
    checkSides(p, a.source, a.destination);
    checkAgentMode(p, "agentMode", a.agentMode);
    const ctx = {
        activationSourceCidrs: a.activationSourceCidrs,
        activationSourcePath: "activationSourceCidrs",
        allowWorldActivationSource: a.allowWorldActivationSource === true,
    };
    checkAgentSpec(p, "", { ...a, name: a.agentName } as KnownAgentSpec, ctx);
    checkActivationSources(p, ctx);
    checkSupportChannel(p, "supportChannel", a.supportChannel, a.agentMode);
    const endpointRegion = sideRegion(a.destination);
    checkRegion(p, "activationRegion", a.activationRegion);
    checkActivationRegion(p, "activationRegion", a.activationRegion, endpointRegion);
    checkFips(p, "fips", a.fips, val(a.activationRegion) ?? endpointRegion);
    const vpce = val(a.vpcEndpointId);
    if (vpce !== undefined && !isVpcEndpointId(vpce)) {
        p.add("vpcEndpointId", vpce, "not a VPC endpoint ID (vpce- and 17 hex digits)", "pass ServiceEndpoint.vpcEndpointId");
    }
    const ip = val(a.endpointPrivateIp);
    if (ip !== undefined && !isIpv4(ip)) {
        p.add("endpointPrivateIp", ip, "not an IPv4 address", "pass ServiceEndpoint.endpointPrivateIp");
    }
    for (const field of ["subnetArn", "securityGroupArn"] as const) {
        const arn = val(a[field]);
        if (arn !== undefined && !ARN.test(arn)) {
            p.add(field, arn, `not an EC2 ${field === "subnetArn" ? "subnet" : "security group"} ARN`, `pass ServiceEndpoint.${field}`);
        }
    }
    if (a.instance !== undefined && a.taskSubnetCidr === undefined) {
        p.add("taskSubnetCidr", undefined, "an EC2 agent's security group needs the task subnet to allow TCP 443 to the task interfaces", "pass the activation subnet's CIDR block");
    }
    checkTags(p, "tags", a.tags);
    return p.list;
}

export function validatePrivateAgent(a: Known<PrivateAgentArgs>): Problem[] {
    const p = new Problems();
    checkSides(p, a.source, a.destination);
    checkLinkNeeded(p, a.source, a.destination, a.link);
    checkAgentMode(p, "agentMode", a.agentMode);
    if (a.link !== undefined) {
        checkLink(p, "link", a.link, { sourceRegion: sideRegion(a.source), destinationRegion: sideRegion(a.destination) });
    }
    checkEndpointSubnets(p, { subnetIds: a.endpointSubnetIds, subnetPath: "endpointSubnetIds", activationSubnetId: a.activationSubnetId, activationSubnetPath: "activationSubnetId" });
    const endpointRegion = sideRegion(a.destination);
    checkRegion(p, "activationRegion", a.activationRegion);
    checkActivationRegion(p, "activationRegion", a.activationRegion, endpointRegion);
    checkFips(p, "fips", a.fips, val(a.activationRegion) ?? endpointRegion);
    checkSupportChannel(p, "supportChannel", a.supportChannel, a.agentMode);
    const agents = a.agents ?? [];
    if (agents.length === 0) {
        p.add("agents", agents, "at least one agent is required", "add an agent with instance (EC2) or address (existing VM)");
    }
    checkUnique(p, "agents", agents.map((x) => x.name), "agent name", "name");
    const ctx = {
        sourceRanges: linkSourceRanges(a.link),
        activationSourceCidrs: a.activationSourceCidrs,
        activationSourcePath: "activationSourceCidrs",
        allowWorldActivationSource: a.allowWorldActivationSource === true,
    };
    agents.forEach((agent, i) => checkAgentSpec(p, `agents[${i}]`, agent, ctx));
    checkActivationSources(p, ctx);
    checkTags(p, "tags", a.tags);
    const vpce = val(a.existingVpcEndpointId);
    if (vpce !== undefined && !isVpcEndpointId(vpce)) {
        p.add("existingVpcEndpointId", vpce, "not a VPC endpoint ID (vpce- and 17 hex digits)", "give the DataSync interface endpoint's ID");
    }
    return p.list;
}
