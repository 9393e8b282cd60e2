// Gathers what the checks and plans need from AWS, on the right side, before any child exists.
// Arguments arrive as known values or UNKNOWN (a preview of values not created yet); a lookup
// that needs an unknown argument yields UNKNOWN instead of running.
import type { AgentInstanceFacts, EndpointFacts, LinkFacts, Maybe, SideFacts } from "../plan";
import { KnownLink, UNKNOWN } from "../plan";
import * as lookups from "./lookups";
import type { Side } from "./lookups";

type In<T> = T | typeof UNKNOWN | undefined;

async function when<A, T>(arg: In<A>, f: (a: A) => Promise<T>): Promise<Maybe<T>> {
    return arg === undefined || arg === UNKNOWN ? UNKNOWN : f(arg);
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
        when(e.vpcId, (id) => lookups.vpcRanges(s, id)),
        Promise.all(e.subnetIds.map((id) => when(id, (x) => lookups.subnet(s, x)))),
        lookups.serviceZones(s, e.serviceName),
        e.existingVpcEndpointId === undefined ? undefined : when(e.existingVpcEndpointId, (id) => lookups.adoptedEndpoint(s, id)),
        e.existingVpcEndpointId !== undefined ? Promise.resolve([]) : when(e.vpcId, (vpc) => lookups.ownEndpointSubnets(s, vpc, e.serviceName, e.nameTag)),
    ]);
    // The group the endpoint uses when one is adopted: the one named, else the adopted endpoint's only group.
    const named = e.existingSecurityGroupId;
    const groupId: In<string> = named ?? (adopted !== undefined && adopted !== UNKNOWN && adopted.securityGroupIds.length === 1 ? adopted.securityGroupIds[0] : adopted === UNKNOWN ? UNKNOWN : undefined);
    const adoptedGroup = groupId === undefined ? undefined : await when(groupId, (id) => lookups.securityGroupArn(s, id));
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
    const [sourceVpcRanges, destinationGateway, sourceGateway, activationRouteTable] = await Promise.all([
        link.sourceVpcId === undefined ? undefined : when(link.sourceVpcId, (id) => lookups.vpcRanges(source, id)),
        link.mode !== "transitGateway" ? undefined : when(link.transitGatewayId, (id) => lookups.gateway(destination, id)),
        link.mode !== "transitGateway" || link.sourceTransitGatewayId === undefined ? undefined : when(link.sourceTransitGatewayId, (id) => lookups.gateway(source, id)),
        !routed || link.destinationRouteTableIds === undefined
            ? undefined
            : when(l.activationSubnetId, (subnet) => when(l.destinationVpcId, (vpc) => lookups.subnetRouteTable(destination, subnet, vpc))).then((v) => (v === UNKNOWN ? UNKNOWN : v)),
    ]);
    return { sourceVpcRanges, destinationGateway, sourceGateway, activationRouteTable: activationRouteTable as Maybe<string> | undefined };
}

export async function agentInstanceFacts(source: Side, subnetId: In<string>, instanceType: In<string>): Promise<AgentInstanceFacts> {
    const subnet = await when(subnetId, (id) => lookups.subnet(source, id));
    const zones = subnet === UNKNOWN ? [] : [subnet.availabilityZone];
    const type = await when(instanceType, (t) => lookups.instanceType(source, t, zones));
    return { subnet, instanceType: type };
}
