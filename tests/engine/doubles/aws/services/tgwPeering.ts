// Transit gateway peering attachments and their accepter. Sources: TF
// internal/service/ec2/transitgateway_peering_attachment.go (transit_gateway_id,
// peer_transit_gateway_id, peer_region Required ForceNew; peer_account_id Optional+Computed ForceNew,
// default the caller's account) and transitgateway_peering_attachment_accepter.go
// (transit_gateway_attachment_id Required ForceNew; no default route-table arguments); TGW guide
// "Transit gateway peering attachments" (the peer accepts in its own account and Region;
// "Peering attachments are not available in transit gateways that might be shared with you").
import type * as aws from "@pulumi/aws";
import { ApiError, required, spec } from "../contract";
import { T } from "../tokens";
import { arn, newId, tagsAll } from "./common";
import { attachmentState } from "./transitGateway";

export function tgwPeeringSpec() {
    return spec<aws.ec2transitgateway.PeeringAttachmentArgs, aws.ec2transitgateway.PeeringAttachmentState>({
        what: "EC2 Transit Gateway Peering Attachment",
        createCall: "EC2: CreateTransitGatewayPeeringAttachment",
        forceNew: ["transitGatewayId", "peerTransitGatewayId", "peerRegion", "peerAccountId", "options"],
        filled: ["peerAccountId"],
        computed: ["arn", "state", "tagsAll"],
        schema: (i, f) =>
            required(i, f, ["peerRegion", "peer_region"], ["peerTransitGatewayId", "peer_transit_gateway_id"], ["transitGatewayId", "transit_gateway_id"]),
        service: (i, ctx) => {
            // Only the owner can peer its gateway: a gateway shared with this account is not found here for this call.
            if (!ctx.inv.ownedTgw(ctx.at, i.transitGatewayId) || ctx.inv.ownedTgw(ctx.at, i.transitGatewayId)!.account !== ctx.at.account) {
                throw new ApiError("InvalidTransitGatewayID.NotFound", `Transit Gateway ${i.transitGatewayId} was deleted or does not exist.`);
            }
            const peerAt = { account: i.peerAccountId ?? ctx.at.account, region: String(i.peerRegion) };
            if (!ctx.inv.ownedTgw(peerAt, i.peerTransitGatewayId)) {
                // The request reaches state "failed" on AWS; GUESS: reported as NotFound at create.
                throw new ApiError(
                    "InvalidTransitGatewayID.NotFound",
                    `Peer Transit Gateway ${i.peerTransitGatewayId} does not exist in account ${peerAt.account}, ${peerAt.region}.`,
                );
            }
        },
        create: (i, ctx) => {
            const id = newId("tgw-attach");
            return {
                id,
                outs: {
                    arn: arn(ctx.at, "ec2", `transit-gateway-attachment/${id}`),
                    peerAccountId: i.peerAccountId ?? ctx.at.account,
                    state: "pendingAcceptance",
                    tagsAll: tagsAll(ctx, i.tags),
                },
                internal: { state: "pendingAcceptance", peer: { account: i.peerAccountId ?? ctx.at.account, region: i.peerRegion } },
            };
        },
        read: (live, props, ctx) => ({ ...props, state: attachmentState(ctx, live) }),
    });
}

export function tgwPeeringAccepterSpec() {
    return spec<aws.ec2transitgateway.PeeringAttachmentAccepterArgs, aws.ec2transitgateway.PeeringAttachmentAccepterState>({
        what: "EC2 Transit Gateway Peering Attachment Accepter",
        createCall: "EC2: AcceptTransitGatewayPeeringAttachment",
        forceNew: ["transitGatewayAttachmentId"],
        computed: ["peerAccountId", "peerRegion", "peerTransitGatewayId", "transitGatewayId", "tagsAll"],
        schema: (i, f) => required(i, f, ["transitGatewayAttachmentId", "transit_gateway_attachment_id"]),
        service: (i, ctx, id) => {
            const p = ctx.state.get(T.tgwPeering, i.transitGatewayAttachmentId);
            const peer = p?.internal.peer as { account: string; region: string } | undefined;
            if (!p || !peer || peer.account !== ctx.at.account || peer.region !== ctx.at.region) {
                throw new ApiError(
                    "InvalidTransitGatewayAttachmentID.NotFound",
                    `Transit Gateway Attachment ${i.transitGatewayAttachmentId} was deleted or does not exist.`,
                );
            }
            // Only Create accepts; Update is "Tags only." (TF transitgateway_peering_attachment_accepter.go,
            // resourceTransitGatewayPeeringAttachmentAccepterUpdate).
            if (id === undefined && attachmentState(ctx, p) !== "pendingAcceptance") {
                // GUESS: code and wording.
                throw new ApiError("IncorrectState", `${p.id} is in invalid state: only an attachment in state pendingAcceptance can be accepted`);
            }
        },
        create: (i, ctx) => {
            const p = ctx.state.get(T.tgwPeering, i.transitGatewayAttachmentId)!;
            return {
                id: p.id,
                // Seen from the accepter: its gateway is the requester's peer.
                outs: {
                    transitGatewayId: p.outputs.peerTransitGatewayId,
                    peerTransitGatewayId: p.outputs.transitGatewayId,
                    peerRegion: p.region,
                    peerAccountId: p.account,
                    tagsAll: tagsAll(ctx, i.tags),
                },
            };
        },
    });
}
