// Gathers what the checks and plans need from AWS, on the right side, before any child exists.
// Arguments arrive as known values or UNKNOWN (a preview of values not created yet); a lookup
// that needs an unknown argument yields UNKNOWN instead of running.
import type { AgentInstanceFacts, EndpointFacts, Found, LinkFacts, Maybe, SideFacts } from "../plan";
import { KnownLink, present, UNKNOWN } from "../plan";
import * as lookups from "./lookups";
import type { Side } from "./lookups";

type In<T> = T | typeof UNKNOWN | undefined;

async function when<A, T>(arg: In<A>, f: (a: A) => Promise<T>): Promise<Maybe<T>> {
    return arg === undefined || arg === UNKNOWN ? UNKNOWN : f(arg);
}

// How the Terraform data sources report a thing that is not there: "no matching EC2 Subnet found"
// (tfresource.SingularDataSourceFindError), "couldn't find resource", or EC2's *.NotFound codes.
const NOT_FOUND = /no matching|couldn't find resource|\.NotFound|not found/i;

/** Like `when`, for an ID the user gave: AWS not knowing it is an answer (Missing), not a failure. */
export async function lookupOf<T>(id: In<string>, f: (id: string) => Promise<T>): Promise<Found<T>> {
    if (id === undefined || id === UNKNOWN) {
        return UNKNOWN;
    }
    try {
        return await f(id);
    } catch (e) {
        if (NOT_FOUND.test(String(e))) {
            return { missing: id };
        }
        throw e;
    }
}

export async function sideFacts(s: Side): Promise<SideFacts> {
    return lookups.sideIdentity(s);
}

export interface EndpointLookup {
    vpcId: In<string>;
    subnetIds: In<string>[];
    serviceName: string;
    existingVpcEndpointId?: In<string>;
    existingSecurityGroupId?: In<string>;
    /** The Name tag this component gives its endpoint (to find it on a later deployment). */
    nameTag: string;
}

export async function endpointFacts(s: Side, e: EndpointLookup): Promise<EndpointFacts> {
    const [vpcRanges, subnets, serviceZones, adopted, ownEndpointSubnets] = await Promise.all([
        lookupOf(e.vpcId, (id) => lookups.vpcRanges(s, id)),
        Promise.all(e.subnetIds.map((id) => lookupOf(id, (x) => lookups.subnet(s, x)))),
        lookups.serviceZones(s, e.serviceName),
        e.existingVpcEndpointId === undefined ? undefined : lookupOf(e.existingVpcEndpointId, (id) => lookups.adoptedEndpoint(s, id)),
        e.existingVpcEndpointId !== undefined ? Promise.resolve([]) : when(e.vpcId, (vpc) => lookups.ownEndpointSubnets(s, vpc, e.serviceName, e.nameTag)),
    ]);
    // The group the endpoint uses when one is adopted: the one named, else the adopted endpoint's only group.
    const named = e.existingSecurityGroupId;
    const groupId: In<string> =
        named ?? (present(adopted) && adopted.securityGroupIds.length === 1 ? adopted.securityGroupIds[0] : adopted === UNKNOWN ? UNKNOWN : undefined);
    const adoptedGroup = groupId === undefined ? undefined : await lookupOf(groupId, (id) => lookups.securityGroupArn(s, id));
    return { vpcRanges, subnets, serviceZones, adopted, adoptedGroup, ownEndpointSubnets };
}

export interface LinkLookup {
    link: KnownLink;
    /** The activation subnet and the endpoint's VPC: whose route table carries the endpoint's replies. */
    activationSubnetId: In<string>;
    destinationVpcId: In<string>;
}

export async function linkFacts(source: Side, destination: Side, l: LinkLookup): Promise<LinkFacts> {
    const link = l.link;
    const routed = link.mode !== "existing" || link.existingRouteTargetId !== undefined;
    const tables = (ids: unknown, side: Side) =>
        Promise.all((Array.isArray(ids) ? (ids as In<string>[]) : []).map((id) => lookupOf(id, (t) => lookups.tableRoutes(side, t))));
    const [sourceVpcRanges, destinationGateway, sourceGateway, activationRouteTable, sourceTables, destinationTables] = await Promise.all([
        link.sourceVpcId === undefined ? undefined : lookupOf(link.sourceVpcId, (id) => lookups.vpcRanges(source, id)),
        link.mode !== "transitGateway" ? undefined : lookupOf(link.transitGatewayId, (id) => lookups.gateway(destination, id)),
        link.mode !== "transitGateway" || link.sourceTransitGatewayId === undefined
            ? undefined
            : lookupOf(link.sourceTransitGatewayId, (id) => lookups.gateway(source, id)),
        !routed || link.destinationRouteTableIds === undefined || l.destinationVpcId === UNKNOWN || l.destinationVpcId === undefined
            ? undefined
            : lookupOf(l.activationSubnetId, (subnet) => lookups.subnetRouteTable(destination, subnet, l.destinationVpcId as string)),
        routed ? tables(link.sourceRouteTableIds, source) : [],
        routed ? tables(link.destinationRouteTableIds, destination) : [],
    ]);
    const routeTables = routed ? { source: sourceTables, destination: destinationTables } : undefined;
    return { sourceVpcRanges, destinationGateway, sourceGateway, activationRouteTable, routeTables };
}

export async function agentInstanceFacts(source: Side, subnetId: In<string>, instanceType: In<string>): Promise<AgentInstanceFacts> {
    const subnet = await lookupOf(subnetId, (id) => lookups.subnet(source, id));
    const zones = present(subnet) ? [subnet.availabilityZone] : [];
    const type = await lookupOf(instanceType, (t) => lookups.instanceType(source, t, zones));
    return { subnet, instanceType: type };
}
