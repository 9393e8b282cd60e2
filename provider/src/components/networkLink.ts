import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { FirewallRule } from "../args/firewallRule";
import type { NetworkLinkArgs, NetworkLinkOutputs } from "../args/networkLink";
import {
    checkLinkFacts,
    checkSideFacts,
    Gateway,
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
import { onSide, Placements, placements, regionOf } from "./placement";
import { resolveKnown } from "./resolve";
import { TOKENS } from "./tokens";
import { wireTransitGateway } from "./transitGatewayLink";

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
            wireTransitGateway(this, name, args, p, resources);
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
}
