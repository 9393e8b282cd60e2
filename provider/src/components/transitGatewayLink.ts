// The transit gateway wiring of a NetworkLink in transitGateway mode: VPC attachments, the RAM
// share and gateway peering when the plan asks for them, and the gateways' route tables. What is
// made, and on which side, comes from the link's plan (plan/link.ts); this file only builds it.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { NetworkLinkArgs } from "../args/networkLink";
import { Attachment, Gateway, GatewayLookup, GatewayPlan } from "../plan";
import type { LinkPrepared } from "./networkLink";
import { onSide, Placement, regionOf } from "./placement";

/** What every part of the wiring is built from. */
interface Wiring {
    parent: pulumi.Resource;
    name: string;
    args: NetworkLinkArgs;
    p: LinkPrepared;
    g: GatewayPlan;
}

type AttachmentIds = (a: Attachment, gw: Gateway) => pulumi.Input<string>;

const place = (w: Wiring, side: Gateway): Placement => w.p.placements[side];

/** The table a gateway's associations, propagations and routes go in: the one given, else the one found on the gateway. */
function table(w: Wiring, side: Gateway): pulumi.Input<string> {
    const explicit = side === "destination" ? w.args.transitGatewayRouteTableId : w.args.sourceTransitGatewayRouteTableId;
    const facts = (side === "destination" ? w.p.facts.destinationGateway : w.p.facts.sourceGateway) as GatewayLookup;
    return explicit ?? facts.associationTableId;
}

/** Builds the link's gateway resources, appending each to `resources` (the routes and the activation wait for them). */
export function wireTransitGateway(parent: pulumi.Resource, name: string, args: NetworkLinkArgs, p: LinkPrepared, resources: pulumi.Resource[]): void {
    const w: Wiring = { parent, name, args, p, g: p.plan.gateway! };
    const dstAttachment = attachDestination(w);
    resources.push(dstAttachment);
    // The source account can attach its VPC only once the gateway is shared with it.
    const before = w.g.share ? shareGateway(w, w.g.share) : [];
    const peeringIds = w.g.peering ? peerGateways(w, resources) : undefined;
    const srcAttachmentId = attachSource(w, before, resources);
    const attachmentId: AttachmentIds = (a, gw) => (a === "destinationVpc" ? dstAttachment.id : a === "sourceVpc" ? srcAttachmentId : peeringIds![gw]);
    resources.push(...associate(w, attachmentId), ...propagate(w, attachmentId), ...staticRoutes(w, peeringIds));
}

function attachDestination(w: Wiring): aws.ec2transitgateway.VpcAttachment {
    const { name, args, g } = w;
    return new aws.ec2transitgateway.VpcAttachment(
        `${name}-dst-attachment`,
        {
            ...regionOf(place(w, "destination")),
            transitGatewayId: args.transitGatewayId!,
            vpcId: args.destinationVpcId!,
            subnetIds: args.destinationSubnetIds!,
            transitGatewayDefaultRouteTableAssociation: g.defaultTables.destinationVpc,
            transitGatewayDefaultRouteTablePropagation: g.defaultTables.destinationVpc,
            tags: args.tags,
        },
        onSide(w.parent, place(w, "destination")),
    );
}

/** Peers the source Region's gateway with the destination's (a gateway attaches VPCs of its own Region only). */
function peerGateways(w: Wiring, resources: pulumi.Resource[]): Record<Gateway, pulumi.Input<string>> {
    const { name, args, p } = w;
    const requester = new aws.ec2transitgateway.PeeringAttachment(
        `${name}-tgw-peering`,
        {
            ...regionOf(place(w, "source")),
            transitGatewayId: args.sourceTransitGatewayId!,
            peerTransitGatewayId: args.transitGatewayId!,
            peerRegion: p.destination.region,
            peerAccountId: p.destination.account,
            tags: args.tags,
        },
        onSide(w.parent, place(w, "source")),
    );
    const accepter = new aws.ec2transitgateway.PeeringAttachmentAccepter(
        `${name}-tgw-peering-accepter`,
        { ...regionOf(place(w, "destination")), transitGatewayAttachmentId: requester.id, tags: args.tags },
        onSide(w.parent, place(w, "destination")),
    );
    resources.push(requester, accepter);
    // The source side uses the attachment once it is accepted.
    return { destination: accepter.id, source: pulumi.all([requester.id, accepter.id]).apply(([id]) => id) };
}

/** Attaches the source VPC after `before` (the share), and has the gateway's owner accept it when the plan says so; returns the ID to use. */
function attachSource(w: Wiring, before: pulumi.Resource[], resources: pulumi.Resource[]): pulumi.Input<string> {
    const { name, args, g } = w;
    const srcAttachment = new aws.ec2transitgateway.VpcAttachment(
        `${name}-src-attachment`,
        {
            ...regionOf(place(w, "source")),
            transitGatewayId: g.sourceVpcGateway === "source" ? args.sourceTransitGatewayId! : args.transitGatewayId!,
            vpcId: args.sourceVpcId!,
            subnetIds: args.sourceSubnetIds!,
            transitGatewayDefaultRouteTableAssociation: g.defaultTables.sourceVpc,
            transitGatewayDefaultRouteTablePropagation: g.defaultTables.sourceVpc,
            tags: args.tags,
        },
        onSide(w.parent, place(w, "source"), { dependsOn: before }),
    );
    resources.push(...before, srcAttachment);
    if (!g.sourceAttachmentAccepter) {
        return srcAttachment.id;
    }
    const accepter = new aws.ec2transitgateway.VpcAttachmentAccepter(
        `${name}-src-attachment-accepter`,
        {
            ...regionOf(place(w, "destination")),
            transitGatewayAttachmentId: srcAttachment.id,
            transitGatewayDefaultRouteTableAssociation: g.defaultTables.sourceVpc,
            transitGatewayDefaultRouteTablePropagation: g.defaultTables.sourceVpc,
            tags: args.tags,
        },
        onSide(w.parent, place(w, "destination")),
    );
    resources.push(accepter);
    return accepter.id;
}

function associate(w: Wiring, attachmentId: AttachmentIds): aws.ec2transitgateway.RouteTableAssociation[] {
    const { name } = w;
    return w.g.associations.map(
        (x) =>
            new aws.ec2transitgateway.RouteTableAssociation(
                `${name}-tgw-assoc-${x.key}`,
                {
                    ...regionOf(place(w, x.gateway)),
                    transitGatewayAttachmentId: attachmentId(x.attachment, x.gateway),
                    transitGatewayRouteTableId: table(w, x.gateway),
                    replaceExistingAssociation: true,
                },
                onSide(w.parent, place(w, x.gateway)),
            ),
    );
}

function propagate(w: Wiring, attachmentId: AttachmentIds): aws.ec2transitgateway.RouteTablePropagation[] {
    const { name } = w;
    return w.g.propagations.map(
        (x) =>
            new aws.ec2transitgateway.RouteTablePropagation(
                `${name}-tgw-prop-${x.key}`,
                {
                    ...regionOf(place(w, x.gateway)),
                    transitGatewayAttachmentId: attachmentId(x.attachment, x.gateway),
                    transitGatewayRouteTableId: table(w, x.gateway),
                },
                onSide(w.parent, place(w, x.gateway)),
            ),
    );
}

/** Routes to the other side's ranges over the peering attachment, which gets static routes only (see plan/link.ts). */
function staticRoutes(w: Wiring, peeringIds: Record<Gateway, pulumi.Input<string>> | undefined): aws.ec2transitgateway.Route[] {
    const { name } = w;
    return w.g.staticRoutes.map((r) => {
        const ranges = r.gateway === "destination" ? w.args.sourceCidrBlocks : w.args.destinationCidrBlocks;
        return new aws.ec2transitgateway.Route(
            `${name}-tgw-route-${r.key}`,
            {
                ...regionOf(place(w, r.gateway)),
                destinationCidrBlock: ranges[r.range],
                transitGatewayAttachmentId: peeringIds![r.gateway],
                transitGatewayRouteTableId: table(w, r.gateway),
            },
            onSide(w.parent, place(w, r.gateway)),
        );
    });
}

/** Shares the destination's gateway with the source account through AWS RAM. */
function shareGateway(w: Wiring, share: { allowExternalPrincipals: boolean; accepter: boolean }): pulumi.Resource[] {
    const { name, args, p } = w;
    const dst = p.placements.destination;
    const gatewayArn = (p.facts.destinationGateway as GatewayLookup).arn;
    const resourceShare = new aws.ram.ResourceShare(
        `${name}-tgw-share`,
        { ...regionOf(dst), name: `${name}-tgw-share`, allowExternalPrincipals: share.allowExternalPrincipals, tags: args.tags },
        onSide(w.parent, dst),
    );
    const association = new aws.ram.ResourceAssociation(
        `${name}-tgw-share-gateway`,
        { ...regionOf(dst), resourceArn: gatewayArn, resourceShareArn: resourceShare.arn },
        onSide(w.parent, dst),
    );
    const principal = new aws.ram.PrincipalAssociation(
        `${name}-tgw-share-principal`,
        { ...regionOf(dst), principal: p.source.account, resourceShareArn: resourceShare.arn },
        onSide(w.parent, dst),
    );
    const out: pulumi.Resource[] = [resourceShare, association, principal];
    if (share.accepter) {
        out.push(
            new aws.ram.ResourceShareAccepter(
                `${name}-tgw-share-accepter`,
                { ...regionOf(p.placements.source), shareArn: resourceShare.arn },
                onSide(w.parent, p.placements.source, { dependsOn: [association, principal] }),
            ),
        );
    }
    return out;
}
