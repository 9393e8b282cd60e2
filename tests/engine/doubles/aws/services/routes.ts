// VPC routes (aws_route). Sources: TF internal/service/ec2/vpc_route.go (route_table_id Required
// ForceNew; destinations ExactlyOneOf and ForceNew; targets ExactlyOneOf and updated in place by
// ReplaceRoute; Create refuses a destination the table already has, errors.go
// routeAlreadyExistsError, and retries InvalidTransitGatewayID.NotFound for the create timeout);
// CreateRoute API reference; VPC quotas (routes per route table).
import type * as aws from "@pulumi/aws";
import { ApiError, Ctx, given, known, spec } from "../contract";
import { networkCidr } from "../ip";
import { enforce, QUOTAS } from "../quotas";
import { T } from "../tokens";
import { attachmentState } from "./transitGateway";

const DESTINATIONS: Array<[string, string]> = [
    ["destinationCidrBlock", "destination_cidr_block"],
    ["destinationIpv6CidrBlock", "destination_ipv6_cidr_block"],
    ["destinationPrefixListId", "destination_prefix_list_id"],
];
const TARGETS: Array<[string, string]> = [
    ["carrierGatewayId", "carrier_gateway_id"],
    ["coreNetworkArn", "core_network_arn"],
    ["egressOnlyGatewayId", "egress_only_gateway_id"],
    ["gatewayId", "gateway_id"],
    ["localGatewayId", "local_gateway_id"],
    ["natGatewayId", "nat_gateway_id"],
    ["networkInterfaceId", "network_interface_id"],
    ["odbNetworkArn", "odb_network_arn"],
    ["transitGatewayId", "transit_gateway_id"],
    ["vpcEndpointId", "vpc_endpoint_id"],
    ["vpcPeeringConnectionId", "vpc_peering_connection_id"],
];

/** SDKv2 ExactlyOneOf, evaluated once every member is known. */
function exactlyOne(i: any, list: Array<[string, string]>, add: (p: string, r: string) => void): void {
    if (list.some(([p]) => given(i[p]) && !known(i[p]))) {
        return;
    }
    const set = list.filter(([p]) => given(i[p]) && i[p] !== "");
    if (set.length !== 1) {
        const names = list.map(([, tf]) => tf).join(",");
        add(
            set[0]?.[0] ?? list[0][0],
            set.length === 0
                ? `"${list[0][1]}": one of \`${names}\` must be specified`
                : `"${set[0][1]}": only one of \`${names}\` can be specified, but \`${set.map(([, t]) => t).join(",")}\` were specified.`,
        );
    }
}

// The route field a next hop's ID belongs in, by its prefix (the world names a route's target by ID).
const HOP_FIELDS: Record<string, string> = {
    vgw: "gatewayId",
    igw: "gatewayId",
    tgw: "transitGatewayId",
    pcx: "vpcPeeringConnectionId",
    eni: "networkInterfaceId",
};

/** A route as the data source gives it: its destination and the one target field that is set. */
export type TableRoute = Partial<aws.types.output.ec2.GetRouteTableRoute> & { cidrBlock: string };

/**
 * The routes a table holds: the world's, plus the live aws.ec2.Route resources, each with its
 * destination and its next hop in the field of that hop's kind, as the route table data source
 * lists them (TF flattenDataSourceRoutes sets cidr_block and the target fields).
 */
export function tableRoutes(ctx: Ctx, tableId: string): TableRoute[] {
    const table = ctx.inv.routeTable(ctx.at, tableId);
    const world = (table?.routes ?? []).map((r) => {
        const field = HOP_FIELDS[r.target.split("-")[0]];
        return { cidrBlock: r.destinationCidrBlock, ...(field ? { [field]: r.target } : {}) };
    });
    const live = ctx.state
        .at(T.route, ctx.at.account, ctx.at.region)
        .filter((r) => r.outputs.routeTableId === tableId)
        .map((r) => ({
            cidrBlock: r.outputs.destinationCidrBlock,
            ...Object.fromEntries(TARGETS.filter(([p]) => typeof r.outputs[p] === "string" && r.outputs[p] !== "").map(([p]) => [p, r.outputs[p]])),
        }));
    return [...world, ...live];
}

/** A peering connection the caller sees in this Region that joins the given VPC. */
function peeringFor(ctx: Ctx, pcx: string, vpcId: string): boolean {
    const p = ctx.state.get(T.vpcPeering, pcx);
    if (!p) {
        return false;
    }
    const o = p.outputs;
    const requesterSide = p.account === ctx.at.account && p.region === ctx.at.region && o.vpcId === vpcId;
    const accepterSide = o.peerOwnerId === ctx.at.account && (o.peerRegion || p.region) === ctx.at.region && o.peerVpcId === vpcId;
    return requesterSide || accepterSide;
}

export function routeSpec() {
    return spec<aws.ec2.RouteArgs, aws.ec2.RouteState>({
        what: "Route",
        createCall: "EC2: CreateRoute",
        forceNew: ["routeTableId", "destinationCidrBlock", "destinationIpv6CidrBlock", "destinationPrefixListId"],
        computed: ["instanceId", "instanceOwnerId", "origin", "state"],
        schema: (i, f) => {
            if (!given(i.routeTableId)) {
                f.add("routeTableId", `Missing required argument: The argument "route_table_id" is required, but no definition was found.`);
            }
            exactlyOne(i, DESTINATIONS, (p, r) => f.add(p, r));
            exactlyOne(i, TARGETS, (p, r) => f.add(p, r));
            if (known(i.destinationCidrBlock) && !networkCidr(i.destinationCidrBlock)) {
                f.add("destinationCidrBlock", `"destination_cidr_block" (${i.destinationCidrBlock}) is not a valid IPv4 CIDR network address`);
            }
        },
        service: (i, ctx, id) => {
            const table = ctx.inv.routeTable(ctx.at, i.routeTableId);
            if (!table) {
                throw new ApiError("InvalidRouteTableID.NotFound", `The routeTable ID '${i.routeTableId}' does not exist`);
            }
            if (id === undefined) {
                const have = tableRoutes(ctx, table.id).map((r) => r.cidrBlock);
                if (have.includes(String(i.destinationCidrBlock))) {
                    throw new ApiError("RouteAlreadyExists", `Route in Route Table (${table.id}) with destination (${i.destinationCidrBlock}) already exists`);
                }
                enforce(QUOTAS.routesPerTable, have.length, 1, `in ${table.id}`);
            }
            if (given(i.transitGatewayId)) {
                const attached = ctx.state
                    .at(T.tgwVpcAttachment, ctx.at.account, ctx.at.region)
                    .some(
                        (a) => a.outputs.vpcId === table.vpcId && a.outputs.transitGatewayId === i.transitGatewayId && attachmentState(ctx, a) === "available",
                    );
                if (!attached) {
                    // TF retries this code for the create timeout (5 min) before giving up.
                    throw new ApiError(
                        "InvalidTransitGatewayID.NotFound",
                        `The transitGateway ID '${i.transitGatewayId}' does not exist. (no available attachment of ${table.vpcId} to it)`,
                    );
                }
            }
            if (given(i.vpcPeeringConnectionId) && !peeringFor(ctx, i.vpcPeeringConnectionId!, table.vpcId)) {
                throw new ApiError("InvalidVpcPeeringConnectionID.NotFound", `The vpcPeeringConnection ID '${i.vpcPeeringConnectionId}' does not exist`);
            }
        },
        create: (i) => ({ id: `r-${i.routeTableId}${hash(String(i.destinationCidrBlock))}`, outs: { origin: "CreateRoute", state: "active" } }),
    });
}

function hash(s: string): string {
    let h = 0;
    for (const c of s) {
        h = (h * 31 + c.charCodeAt(0)) >>> 0;
    }
    return String(h);
}
