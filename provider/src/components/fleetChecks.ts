// Everything a PrivateAgent checks before it creates anything: its inputs once they resolve,
// both sides' credentials and Regions, the endpoint's subnets and service, the link's VPCs,
// gateways and route tables, each EC2 agent's subnet and instance type, and AWS's quotas.
// Problems are reported under PrivateAgent's own property paths, all at once.
import * as pulumi from "@pulumi/pulumi";
import type { PrivateAgentArgs } from "../args/privateAgent";
import {
    AgentFactsInputs,
    AgentInstanceFacts,
    checkAgentFacts,
    checkEndpointFacts,
    checkFleetQuotas,
    checkLinkFacts,
    checkSideFacts,
    datasyncServiceName,
    DEFAULTS,
    EndpointFacts,
    EndpointPaths,
    EndpointPeer,
    FleetQuotaInputs,
    Known,
    KnownLink,
    LinkFacts,
    LinkPlan,
    planEndpointPeers,
    planLink,
    present,
    Problem,
    Problems,
    checkRegionsExist,
    SideFacts,
    UNKNOWN,
    Unknown,
    validatePrivateAgent,
} from "../plan";
import { failOnProblems, warnAll } from "./building";
import { agentInstanceFacts, endpointFacts, linkFacts, sideFacts } from "./facts";
import { linkInputs } from "./linkInputs";
import * as lookups from "./lookups";
import { placements, Placements } from "./placement";
import { resolveKnown } from "./resolve";
import { endpointCheckInputs } from "./serviceEndpoint";

const PATHS: EndpointPaths = {
    vpcId: "vpcId",
    subnetIds: "endpointSubnetIds",
    fips: "fips",
    existingVpcEndpointId: "existingVpcEndpointId",
    existingSecurityGroupId: "existingSecurityGroupId",
};

export interface FleetChecked {
    placements: Placements;
    source: SideFacts;
    destination: SideFacts;
    endpoint: EndpointFacts;
    activationSubnetId: string | Unknown;
    link?: { facts: LinkFacts; plan: LinkPlan };
    endpointPeers: EndpointPeer[];
    /** The VPC the fleet's EC2 agents launch in (their shared group belongs to it). */
    agentVpcId?: string;
}

const listOf = <T>(v: T[] | Unknown | undefined): T[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function instanceTypeOf(a: Known<PrivateAgentArgs>, i: number): string | Unknown {
    const t = a.agents[i].instance?.instanceType;
    return t ?? DEFAULTS.instance.type[(a.agentMode as keyof typeof DEFAULTS.instance.type | undefined) ?? DEFAULTS.agent.mode];
}

type KnownArgs = Known<PrivateAgentArgs>;

/** What the fleet's lookups found, before any of it is checked. */
interface FleetFacts {
    source: SideFacts;
    destination: SideFacts;
    serviceName: string;
    activationSubnetId: string | Unknown;
    link?: KnownLink;
    endpoint: EndpointFacts;
    linkF?: LinkFacts;
    agentFacts: (AgentInstanceFacts | undefined)[];
}

export async function checkFleet(name: string, args: PrivateAgentArgs, parent: pulumi.Resource): Promise<FleetChecked> {
    const a = await resolveKnown(args);
    failOnProblems("PrivateAgent", validatePrivateAgent(a));
    failOnProblems("PrivateAgent", await regionProblems(parent, a));
    const place = placements(name, { source: args.source, destination: args.destination }, parent);
    const f = await lookUpFleet(name, a, { parent, placement: place.source }, { parent, placement: place.destination });
    const { source, destination, link, linkF } = f;

    const p = new Problems();
    checkLookedUp(p, a, f);
    const launched = launchedAgents(a, f.agentFacts);
    const sourceRanges = linkSourceRanges(link);
    checkAgentFacts(p, launched, { sourceVpcId: str(link?.sourceVpcId), sourceRanges });

    const agentVpcId = launched.map((l) => l.facts.subnet).find(present)?.vpcId;
    const endpointPeers = planPeers(a, f, agentVpcId, sourceRanges);
    const linkPlan = link && linkF ? planLink(linkInputs(link, source, destination, linkF)) : undefined;
    checkFleetQuotas(p, quotaInputs(a, endpointPeers.length, launched.length));
    failOnProblems("PrivateAgent", p.list);
    warnAll(parent, p.warnings);
    return {
        placements: place,
        source,
        destination,
        endpoint: f.endpoint,
        activationSubnetId: f.activationSubnetId,
        link: linkF && linkPlan ? { facts: linkF, plan: linkPlan } : undefined,
        endpointPeers,
        agentVpcId,
    };
}

/** The sides first (the endpoint's service name depends on the destination's Region), then the rest at once. */
async function lookUpFleet(name: string, a: KnownArgs, src: lookups.Side, dst: lookups.Side): Promise<FleetFacts> {
    const [source, destination] = await Promise.all([sideFacts(src), sideFacts(dst)]);
    const serviceName = datasyncServiceName(destination.region, a.fips ?? DEFAULTS.endpoint.fips);
    const subnetIds = listOf(a.endpointSubnetIds);
    const activationSubnetId = a.activationSubnetId ?? subnetIds[0] ?? UNKNOWN;
    const link = a.link as KnownLink | undefined;
    const [endpoint, linkF, agentFacts] = await Promise.all([
        endpointFacts(dst, {
            vpcId: a.vpcId,
            subnetIds,
            serviceName,
            existingVpcEndpointId: a.existingVpcEndpointId,
            existingSecurityGroupId: a.existingSecurityGroupId,
            nameTag: `${name}-endpoint`,
        }),
        link ? linkFacts(src, dst, { link, activationSubnetId, destinationVpcId: a.vpcId }) : undefined,
        Promise.all(a.agents.map((s, i) => (s.instance ? agentInstanceFacts(src, s.instance.subnetId, instanceTypeOf(a, i)) : undefined))),
    ]);
    return { source, destination, serviceName, activationSubnetId, link, endpoint, linkF, agentFacts };
}

/** The sides, the endpoint and the link against what was found; the endpoint is checked only once its VPC and subnet are known. */
function checkLookedUp(p: Problems, a: KnownArgs, f: FleetFacts): void {
    const { source, destination, link, linkF } = f;
    checkSideFacts(
        p,
        {
            source: a.source,
            destination: a.destination,
            linked: link !== undefined,
            activationRegion: str(a.activationRegion),
            activationRegionPath: "activationRegion",
        },
        source,
        destination,
    );
    if (typeof a.vpcId === "string" && f.activationSubnetId !== UNKNOWN) {
        checkEndpointFacts(p, PATHS, endpointCheckInputs(a, a.vpcId, f.activationSubnetId, f.serviceName), f.endpoint);
    }
    if (link && linkF) {
        checkLinkFacts(
            p,
            {
                path: "link",
                link,
                destinationVpcId: str(a.vpcId),
                destinationVpcIdPath: "vpcId",
                destinationVpcRanges: f.endpoint.vpcRanges,
                source,
                destination,
                activationSubnetId: str(f.activationSubnetId),
            },
            linkF,
        );
    }
}

/** The agents this component launches on EC2, with what was found about their subnets and types (others have nothing to check). */
function launchedAgents(a: KnownArgs, agentFacts: (AgentInstanceFacts | undefined)[]): AgentFactsInputs[] {
    return a.agents.flatMap((s, i) =>
        s.instance && agentFacts[i] ? [{ path: `agents[${i}]`, instanceType: String(instanceTypeOf(a, i)), facts: agentFacts[i]! }] : [],
    );
}

/** The ranges the agents reach the endpoint from over the link; without a link there are none to hold them to. */
function linkSourceRanges(link: KnownLink | undefined): string[] | undefined {
    return link ? [...listOf(link.sourceCidrBlocks), ...listOf(link.onPremCidrBlocks)].filter((r): r is string => typeof r === "string") : undefined;
}

/** Who the endpoint admits: the agents' group where a group can be named (see IngressInputs.groupReference), else addresses or ranges. */
function planPeers(a: KnownArgs, f: FleetFacts, agentVpcId: string | undefined, sourceRanges: string[] | undefined): EndpointPeer[] {
    const crossRegion = f.source.region !== f.destination.region;
    const groupReference = agentVpcId !== undefined && (agentVpcId === str(a.vpcId) || (f.link?.mode === "peering" && !crossRegion));
    const scope = (a.ingressScope as "agentAddresses" | "sourceRanges" | undefined) ?? DEFAULTS.fleet.ingressScope;
    return planEndpointPeers({
        scope,
        agents: a.agents.map((s) => ({ name: String(s.name), launched: s.instance !== undefined })),
        groupReference,
        sourceRanges: sourceRanges?.length ?? 0,
    });
}

/** The rule counts of the fleet's groups; the agents' group exists only when some agent is launched on EC2. */
function quotaInputs(a: KnownArgs, endpointPeers: number, launched: number): FleetQuotaInputs {
    return {
        endpointPeers,
        supportChannel: a.supportChannel ?? DEFAULTS.endpoint.supportChannel,
        ruleQuota: typeof a.securityGroupRuleQuota === "number" ? a.securityGroupRuleQuota : DEFAULTS.fleet.securityGroupRuleQuota,
        ruleQuotaPath: "securityGroupRuleQuota",
        agentGroup:
            launched > 0
                ? {
                      activationSources: listOf(a.activationSourceCidrs).length,
                      taskCidrs: a.taskInterfaceCidrs === undefined ? 1 : listOf(a.taskInterfaceCidrs).length,
                      storage: listOf(a.storageEgress).length,
                      dnsServers: listOf(a.dnsServers).length,
                  }
                : undefined,
        extraGroups: a.agents.flatMap((s, i) =>
            s.instance && Array.isArray(s.instance.extraSecurityGroupIds) ? [{ path: `agents[${i}]`, count: s.instance.extraSecurityGroupIds.length }] : [],
        ),
    };
}

/** Regions named in the inputs that AWS does not have: checked before any lookup runs in them. */
export async function regionProblems(parent: pulumi.Resource, a: { source?: unknown; destination?: unknown; activationRegion?: unknown }): Promise<Problem[]> {
    const given = [
        { path: "source.region", region: str((a.source as { region?: unknown } | undefined)?.region) },
        { path: "destination.region", region: str((a.destination as { region?: unknown } | undefined)?.region) },
        { path: "activationRegion", region: str(a.activationRegion) },
    ];
    if (given.every((g) => g.region === undefined)) {
        return [];
    }
    const p = new Problems();
    checkRegionsExist(p, given, await lookups.regionNames({ parent, placement: {} }));
    return p.list;
}
