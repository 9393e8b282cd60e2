import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { FirewallRule } from "../args/firewallRule";
import type { NetworkLinkArgs, NetworkLinkOutputs } from "../args/networkLink";
import {
    checkLinkFacts,
    checkSideFacts,
    DEFAULTS,
    Gateway,
    GatewayLookup,
    LinkFacts,
    LinkPlan,
    linkFirewallTable,
    reportMissing,
    planLink,
    Problems,
    routeTargetKind,
    SideFacts,
    validateNetworkLink,
} from "../plan";
import { regionProblems } from "./fleetChecks";
import { built, failOnProblems, warnAll } from "./building";
import { linkFacts, lookupOf, sideFacts } from "./facts";
import { linkInputs } from "./linkInputs";
import * as lookups from "./lookups";
import { OutputsOf } from "./outputsOf";
import { onSide, Placement, Placements, placements, regionOf } from "./placement";
import { resolveKnown } from "./resolve";
import { TOKENS } from "./tokens";

/** What a link is built from once checked: by its PrivateAgent, or by the link itself. */
export interface LinkPrepared {
    placements: Placements;
    source: SideFacts;
    destination: SideFacts;
    facts: LinkFacts;
    plan: LinkPlan;
}

interface LinkBuilt {
    peeringConnectionId: pulumi.Output<string>;
    routes: aws.ec2.Route[];
    /** Everything the activation must wait for. */
    resources: pulumi.Resource[];
}

type Hop = {
    vpcPeeringConnectionId?: pulumi.Input<string>;
    transitGatewayId?: pulumi.Input<string>;
    gatewayId?: pulumi.Input<string>;
    networkInterfaceId?: pulumi.Input<string>;
};

export class NetworkLink extends pulumi.ComponentResource implements OutputsOf<NetworkLinkOutputs> {
    declare readonly peeringConnectionId: pulumi.Output<string>;
    declare readonly routeIds: pulumi.Output<string[]>;
    declare readonly firewallRules: pulumi.Output<FirewallRule[]>;
    /** Every resource of the link: the activation waits for them. Not a schema output. */
    declare readonly resources: pulumi.Output<pulumi.Resource[]>;
    readonly ready: Promise<void>;

    constructor(name: string, args: NetworkLinkArgs, opts?: pulumi.ComponentResourceOptions, prepared?: LinkPrepared) {
        super(TOKENS.NetworkLink, name, {}, opts);
        const b = built(this.build(name, args, prepared));
        this.ready = b.ready;
        this.peeringConnectionId = b.output((x) => x.peeringConnectionId);
        this.routeIds = b.output((x) => pulumi.all(x.routes.map((r) => r.id)));
        this.resources = b.output((x) => x.resources);
        this.firewallRules = pulumi
            .all([pulumi.output(args.sourceCidrBlocks), pulumi.output(args.destinationCidrBlocks)])
            .apply(([src, dst]) => linkFirewallTable(src, dst));
        void b.settled.then(() =>
            this.registerOutputs({ peeringConnectionId: this.peeringConnectionId, routeIds: this.routeIds, firewallRules: this.firewallRules }),
        );
    }

    private async prepare(name: string, args: NetworkLinkArgs): Promise<LinkPrepared> {
        const a = await resolveKnown(args);
        failOnProblems("NetworkLink", validateNetworkLink(a));
        failOnProblems("NetworkLink", await regionProblems(this, a));
        const place = placements(name, { source: args.source, destination: args.destination }, this);
        const src = { parent: this, placement: place.source };
        const dst = { parent: this, placement: place.destination };
        const { source: _s, destination: _d, destinationVpcId, tags: _t, ...link } = a;
        const [source, destination, facts, destinationRanges] = await Promise.all([
            sideFacts(src),
            sideFacts(dst),
            linkFacts(src, dst, { link, activationSubnetId: undefined, destinationVpcId }),
            lookupOf(destinationVpcId, (id) => lookups.vpcRanges(dst, id)),
        ]);
        const p = new Problems();
        reportMissing(p, "destinationVpcId", destinationRanges, "VPC", "destination");
        checkSideFacts(p, { source: a.source, destination: a.destination, linked: true, activationRegionPath: "" }, source, destination);
        checkLinkFacts(
            p,
            {
                path: "",
                link,
                destinationVpcId: typeof destinationVpcId === "string" ? destinationVpcId : undefined,
                destinationVpcIdPath: "destinationVpcId",
                destinationVpcRanges: destinationRanges,
                source,
                destination,
            },
            facts,
        );
        failOnProblems("NetworkLink", p.list);
        warnAll(this, p.warnings);
        return { placements: place, source, destination, facts, plan: planLink(linkInputs(link, source, destination, facts)) };
    }

    private async build(name: string, args: NetworkLinkArgs, prepared?: LinkPrepared): Promise<LinkBuilt> {
        const p = prepared ?? (await this.prepare(name, args));
        const resources: pulumi.Resource[] = [];
        let peeringConnectionId: pulumi.Output<string> = pulumi.output("");
        let hops: Record<"peering" | Gateway | "existing", Hop> = { peering: {}, destination: {}, source: {}, existing: {} };
        if (p.plan.peering) {
            const accepter = this.peering(name, args, p, resources);
            peeringConnectionId = accepter.id;
            hops.peering = { vpcPeeringConnectionId: accepter.id };
        }
        if (p.plan.gateway) {
            this.transitGateway(name, args, p, resources);
            hops = {
                ...hops,
                destination: { transitGatewayId: args.transitGatewayId },
                source: { transitGatewayId: args.sourceTransitGatewayId ?? args.transitGatewayId },
            };
        }
        if (args.existingRouteTargetId !== undefined) {
            const target = pulumi.output(args.existingRouteTargetId);
            hops.existing = {
                gatewayId: target.apply((t) => (routeTargetKind(t) === "gatewayId" ? t : undefined)) as pulumi.Output<string>,
                transitGatewayId: target.apply((t) => (routeTargetKind(t) === "transitGatewayId" ? t : undefined)) as pulumi.Output<string>,
                networkInterfaceId: target.apply((t) => (routeTargetKind(t) === "networkInterfaceId" ? t : undefined)) as pulumi.Output<string>,
                vpcPeeringConnectionId: target.apply((t) => (routeTargetKind(t) === "vpcPeeringConnectionId" ? t : undefined)) as pulumi.Output<string>,
            };
        }
        const routes = this.routes(name, args, p, hops, [...resources]);
        return { peeringConnectionId, routes, resources: [...resources, ...routes] };
    }

    private routes(name: string, args: NetworkLinkArgs, p: LinkPrepared, hops: Record<string, Hop>, dependsOn: pulumi.Resource[]): aws.ec2.Route[] {
        const tables = { source: args.sourceRouteTableIds ?? [], destination: args.destinationRouteTableIds ?? [] };
        const ranges = { source: args.sourceCidrBlocks, destination: args.destinationCidrBlocks };
        return p.plan.routes.map((r) => {
            const other = r.side === "source" ? "destination" : "source";
            return new aws.ec2.Route(
                `${name}-${r.key}`,
                { ...regionOf(p.placements[r.side]), routeTableId: tables[r.side][r.table], destinationCidrBlock: ranges[other][r.range], ...hops[r.hop] },
                onSide(this, p.placements[r.side], { dependsOn }),
            );
        });
    }

    /** Requester on the source side, accepter on the destination side (also within one account and Region). */
    private peering(name: string, args: NetworkLinkArgs, p: LinkPrepared, resources: pulumi.Resource[]): aws.ec2.VpcPeeringConnectionAccepter {
        const peering = new aws.ec2.VpcPeeringConnection(
            `${name}-peering`,
            {
                ...regionOf(p.placements.source),
                vpcId: args.sourceVpcId!,
                peerVpcId: args.destinationVpcId!,
                peerOwnerId: p.destination.account,
                peerRegion: p.plan.peering!.peerRegion ? p.destination.region : undefined,
                tags: args.tags,
            },
            onSide(this, p.placements.source),
        );
        const accepter = new aws.ec2.VpcPeeringConnectionAccepter(
            `${name}-peering-accepter`,
            { ...regionOf(p.placements.destination), vpcPeeringConnectionId: peering.id, autoAccept: true, tags: args.tags },
            onSide(this, p.placements.destination),
        );
        resources.push(peering, accepter);
        return accepter;
    }

    private transitGateway(name: string, args: NetworkLinkArgs, p: LinkPrepared, resources: pulumi.Resource[]): void {
        const g = p.plan.gateway!;
        const place = (side: Gateway): Placement => p.placements[side];
        const table = (side: Gateway): pulumi.Input<string> => {
            const explicit = side === "destination" ? args.transitGatewayRouteTableId : args.sourceTransitGatewayRouteTableId;
            const facts = (side === "destination" ? p.facts.destinationGateway : p.facts.sourceGateway) as GatewayLookup;
            return explicit ?? facts.associationTableId;
        };
        const dstAttachment = new aws.ec2transitgateway.VpcAttachment(
            `${name}-dst-attachment`,
            {
                ...regionOf(place("destination")),
                transitGatewayId: args.transitGatewayId!,
                vpcId: args.destinationVpcId!,
                subnetIds: args.destinationSubnetIds!,
                transitGatewayDefaultRouteTableAssociation: g.defaultTables.destinationVpc,
                transitGatewayDefaultRouteTablePropagation: g.defaultTables.destinationVpc,
                tags: args.tags,
            },
            onSide(this, place("destination")),
        );
        resources.push(dstAttachment);
        const before: pulumi.Resource[] = [];
        if (g.share) {
            before.push(...this.share(name, args, p, g.share));
        }
        let peeringIds: Record<Gateway, pulumi.Input<string>> | undefined;
        if (g.peering) {
            const requester = new aws.ec2transitgateway.PeeringAttachment(
                `${name}-tgw-peering`,
                {
                    ...regionOf(place("source")),
                    transitGatewayId: args.sourceTransitGatewayId!,
                    peerTransitGatewayId: args.transitGatewayId!,
                    peerRegion: p.destination.region,
                    peerAccountId: p.destination.account,
                    tags: args.tags,
                },
                onSide(this, place("source")),
            );
            const accepter = new aws.ec2transitgateway.PeeringAttachmentAccepter(
                `${name}-tgw-peering-accepter`,
                { ...regionOf(place("destination")), transitGatewayAttachmentId: requester.id, tags: args.tags },
                onSide(this, place("destination")),
            );
            resources.push(requester, accepter);
            // The source side uses the attachment once it is accepted.
            peeringIds = { destination: accepter.id, source: pulumi.all([requester.id, accepter.id]).apply(([id]) => id) };
        }
        const srcAttachment = new aws.ec2transitgateway.VpcAttachment(
            `${name}-src-attachment`,
            {
                ...regionOf(place("source")),
                transitGatewayId: g.sourceVpcGateway === "source" ? args.sourceTransitGatewayId! : args.transitGatewayId!,
                vpcId: args.sourceVpcId!,
                subnetIds: args.sourceSubnetIds!,
                transitGatewayDefaultRouteTableAssociation: g.defaultTables.sourceVpc,
                transitGatewayDefaultRouteTablePropagation: g.defaultTables.sourceVpc,
                tags: args.tags,
            },
            onSide(this, place("source"), { dependsOn: before }),
        );
        resources.push(...before, srcAttachment);
        let srcAttachmentId: pulumi.Input<string> = srcAttachment.id;
        if (g.sourceAttachmentAccepter) {
            const accepter = new aws.ec2transitgateway.VpcAttachmentAccepter(
                `${name}-src-attachment-accepter`,
                {
                    ...regionOf(place("destination")),
                    transitGatewayAttachmentId: srcAttachment.id,
                    transitGatewayDefaultRouteTableAssociation: g.defaultTables.sourceVpc,
                    transitGatewayDefaultRouteTablePropagation: g.defaultTables.sourceVpc,
                    tags: args.tags,
                },
                onSide(this, place("destination")),
            );
            resources.push(accepter);
            srcAttachmentId = accepter.id;
        }
        const attachmentId = (a: "destinationVpc" | "sourceVpc" | "peering", gw: Gateway): pulumi.Input<string> =>
            a === "destinationVpc" ? dstAttachment.id : a === "sourceVpc" ? srcAttachmentId : peeringIds![gw];
        for (const x of g.associations) {
            resources.push(
                new aws.ec2transitgateway.RouteTableAssociation(
                    `${name}-tgw-assoc-${x.key}`,
                    {
                        ...regionOf(place(x.gateway)),
                        transitGatewayAttachmentId: attachmentId(x.attachment, x.gateway),
                        transitGatewayRouteTableId: table(x.gateway),
                        replaceExistingAssociation: true,
                    },
                    onSide(this, place(x.gateway)),
                ),
            );
        }
        for (const x of g.propagations) {
            resources.push(
                new aws.ec2transitgateway.RouteTablePropagation(
                    `${name}-tgw-prop-${x.key}`,
                    {
                        ...regionOf(place(x.gateway)),
                        transitGatewayAttachmentId: attachmentId(x.attachment, x.gateway),
                        transitGatewayRouteTableId: table(x.gateway),
                    },
                    onSide(this, place(x.gateway)),
                ),
            );
        }
        for (const r of g.staticRoutes) {
            const ranges = r.gateway === "destination" ? args.sourceCidrBlocks : args.destinationCidrBlocks;
            resources.push(
                new aws.ec2transitgateway.Route(
                    `${name}-tgw-route-${r.key}`,
                    {
                        ...regionOf(place(r.gateway)),
                        destinationCidrBlock: ranges[r.range],
                        transitGatewayAttachmentId: peeringIds![r.gateway],
                        transitGatewayRouteTableId: table(r.gateway),
                    },
                    onSide(this, place(r.gateway)),
                ),
            );
        }
    }

    /** Shares the destination's gateway with the source account through AWS RAM. */
    private share(name: string, args: NetworkLinkArgs, p: LinkPrepared, share: { allowExternalPrincipals: boolean; accepter: boolean }): pulumi.Resource[] {
        const dst = p.placements.destination;
        const gatewayArn = (p.facts.destinationGateway as GatewayLookup).arn;
        const resourceShare = new aws.ram.ResourceShare(
            `${name}-tgw-share`,
            { ...regionOf(dst), name: `${name}-tgw-share`, allowExternalPrincipals: share.allowExternalPrincipals, tags: args.tags },
            onSide(this, dst),
        );
        const association = new aws.ram.ResourceAssociation(
            `${name}-tgw-share-gateway`,
            { ...regionOf(dst), resourceArn: gatewayArn, resourceShareArn: resourceShare.arn },
            onSide(this, dst),
        );
        const principal = new aws.ram.PrincipalAssociation(
            `${name}-tgw-share-principal`,
            { ...regionOf(dst), principal: p.source.account, resourceShareArn: resourceShare.arn },
            onSide(this, dst),
        );
        const out: pulumi.Resource[] = [resourceShare, association, principal];
        if (share.accepter) {
            out.push(
                new aws.ram.ResourceShareAccepter(
                    `${name}-tgw-share-accepter`,
                    { ...regionOf(p.placements.source), shareArn: resourceShare.arn },
                    onSide(this, p.placements.source, { dependsOn: [association, principal] }),
                ),
            );
        }
        void DEFAULTS;
        return out;
    }
}
