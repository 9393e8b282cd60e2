// VPC peering: the requester (aws_vpc_peering_connection) and the accepter
// (aws_vpc_peering_connection_accepter). Sources: TF internal/service/ec2/vpc_peering_connection.go
// (vpc_id, peer_vpc_id Required ForceNew; peer_owner_id, peer_region Optional+Computed ForceNew;
// "`peer_region` cannot be set whilst `auto_accept` is `true`"; create waits for active or
// pending-acceptance, wait.go waitVPCPeeringConnectionActive) and vpc_peering_connection_accepter.go
// (finds the connection, accepts it when auto_accept and pending-acceptance); VPC peering guide
// ("VPC peering connection lifecycle": a request for unknown VPCs or overlapping CIDRs fails).
import type * as aws from "@pulumi/aws";
import { ApiError, Ctx, given, required, spec } from "../contract";
import type { Place } from "../inventory";
import { networkCidr, overlaps } from "../ip";
import type { Live } from "../state";
import { T } from "../tokens";
import { newId, tagsAll, vpcOf } from "./common";

export interface PeeringSides {
    requester: Place & { vpcId: string };
    accepter: Place & { vpcId: string };
}

export function sidesOf(p: Live): PeeringSides {
    return {
        requester: { account: p.account, region: p.region, vpcId: p.outputs.vpcId },
        accepter: { account: p.outputs.peerOwnerId, region: p.outputs.peerRegion, vpcId: p.outputs.peerVpcId },
    };
}

function failed(reason: string): ApiError {
    // The request reaches state "failed"; TF's waiter reports the status message AWS gives.
    return new ApiError("VpcPeeringConnectionFailed", `unexpected state 'failed', wanted target 'active, pending-acceptance'. last error: ${reason}`);
}

export function peeringSpec() {
    return spec<aws.ec2.VpcPeeringConnectionArgs, aws.ec2.VpcPeeringConnectionState>({
        what: "EC2 VPC Peering Connection",
        createCall: "EC2: CreateVpcPeeringConnection",
        forceNew: ["vpcId", "peerVpcId", "peerOwnerId", "peerRegion"],
        filled: ["peerOwnerId", "peerRegion", "accepter", "requester"],
        computed: ["acceptStatus", "tagsAll"],
        schema: (i, f) => required(i, f, ["vpcId", "vpc_id"], ["peerVpcId", "peer_vpc_id"]),
        service: (i, ctx) => {
            if (given(i.peerRegion) && i.autoAccept === true) {
                throw new ApiError("", "`peer_region` cannot be set whilst `auto_accept` is `true` when creating an EC2 VPC Peering Connection");
            }
            const own = vpcOf(ctx, i.vpcId);
            const peerAt = { account: i.peerOwnerId ?? ctx.at.account, region: i.peerRegion ?? ctx.at.region };
            const peer = ctx.inv.vpc(peerAt, i.peerVpcId);
            if (!peer) {
                throw failed(
                    `Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range. (no VPC ${i.peerVpcId} in account ${peerAt.account}, ${peerAt.region})`,
                );
            }
            const clash = own.cidrBlocks.find((a) => peer.cidrBlocks.some((b) => overlaps(networkCidr(a)!, networkCidr(b)!)));
            if (clash) {
                throw failed(`Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range. (${clash} of ${own.id} overlaps ${peer.id})`);
            }
            if (i.autoAccept === true && peerAt.account !== ctx.at.account) {
                // GUESS: message wording; only the accepter account can accept (VPC peering guide, "Accept a VPC peering connection").
                throw new ApiError("OperationNotPermitted", `User ${ctx.at.account} cannot accept peering connection owned by account ${peerAt.account}`);
            }
        },
        create: (i, ctx) => {
            const peerOwnerId = i.peerOwnerId ?? ctx.at.account;
            const peerRegion = i.peerRegion ?? ctx.at.region;
            const local = peerOwnerId === ctx.at.account && peerRegion === ctx.at.region;
            return {
                id: newId("pcx"),
                outs: {
                    peerOwnerId,
                    peerRegion,
                    acceptStatus: local && i.autoAccept === true ? "active" : "pending-acceptance",
                    tagsAll: tagsAll(ctx, i.tags),
                },
                internal: { accepted: local && i.autoAccept === true },
            };
        },
        read: (live, props, ctx) => ({ ...props, acceptStatus: peeringStatus(ctx, live) }),
    });
}

/** active once accepted (by auto_accept or an accepter), else pending-acceptance. */
export function peeringStatus(ctx: Ctx, p: Live): string {
    const accepted = p.internal.accepted === true || ctx.state.ofType(T.vpcPeeringAccepter).some((a) => a.id === p.id && a.internal.accepted === true);
    return accepted ? "active" : "pending-acceptance";
}

/** Who can see a connection: both accounts, in both Regions (the ID is the same on each side). */
function visible(at: Place, s: PeeringSides): boolean {
    return [s.requester, s.accepter].some((side) => side.account === at.account) && [s.requester.region, s.accepter.region].includes(at.region);
}

export function peeringAccepterSpec() {
    return spec<aws.ec2.VpcPeeringConnectionAccepterArgs, aws.ec2.VpcPeeringConnectionAccepterState>({
        what: "EC2 VPC Peering Connection Accepter",
        createCall: "EC2: AcceptVpcPeeringConnection",
        forceNew: ["vpcPeeringConnectionId"],
        filled: ["accepter", "requester"],
        computed: ["acceptStatus", "peerOwnerId", "peerRegion", "peerVpcId", "vpcId", "tagsAll"],
        schema: (i, f) => required(i, f, ["vpcPeeringConnectionId", "vpc_peering_connection_id"]),
        service: (i, ctx) => {
            const p = ctx.state.get(T.vpcPeering, i.vpcPeeringConnectionId);
            if (!p || !visible(ctx.at, sidesOf(p))) {
                throw new ApiError("InvalidVpcPeeringConnectionID.NotFound", `The vpcPeeringConnection ID '${i.vpcPeeringConnectionId}' does not exist`);
            }
            const s = sidesOf(p);
            if (i.autoAccept === true && peeringStatus(ctx, p) === "pending-acceptance") {
                if (ctx.at.account !== s.accepter.account) {
                    // GUESS: message wording.
                    throw new ApiError(
                        "OperationNotPermitted",
                        `User ${ctx.at.account} cannot accept peering ${p.id}: it must be accepted by account ${s.accepter.account}`,
                    );
                }
                if (ctx.at.region !== s.accepter.region) {
                    // GUESS: message wording; an inter-Region request is accepted in the accepter VPC's Region.
                    throw new ApiError(
                        "OperationNotPermitted",
                        `Incorrect region (${ctx.at.region}) specified for this request. VPC peering connection ${p.id} must be accepted in region ${s.accepter.region}`,
                    );
                }
            }
        },
        create: (i, ctx) => {
            const p = ctx.state.get(T.vpcPeering, i.vpcPeeringConnectionId)!;
            const s = sidesOf(p);
            const accepted = i.autoAccept === true || peeringStatus(ctx, p) === "active";
            const weAreAccepter = ctx.at.account === s.accepter.account && ctx.at.account !== s.requester.account;
            const [mine, theirs] = weAreAccepter ? [s.accepter, s.requester] : [s.requester, s.accepter];
            return {
                id: p.id,
                // TF Read: vpc_id/peer_vpc_id/peer_owner_id from the caller's point of view; peer_region is the accepter VPC's Region.
                outs: {
                    acceptStatus: accepted ? "active" : "pending-acceptance",
                    vpcId: mine.vpcId,
                    peerVpcId: theirs.vpcId,
                    peerOwnerId: theirs.account,
                    peerRegion: s.accepter.region,
                    tagsAll: tagsAll(ctx, i.tags),
                },
                internal: { accepted, requesterRegion: s.requester.region, accepterRegion: s.accepter.region, vpcs: [s.requester.vpcId, s.accepter.vpcId] },
            };
        },
    });
}
