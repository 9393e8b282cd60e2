import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { FirewallRule } from "../args/firewallRule";
import type { NetworkLinkArgs, NetworkLinkOutputs } from "../args/networkLink";
import {
    checkLookedUpRanges,
    ENDPOINT_CONTROL,
    ENDPOINT_HTTPS,
    LabelledRange,
    planRoutes,
    portText,
    Problems,
    routeTargetKind,
    validateNetworkLink,
} from "../plan";
import { labelledRanges } from "../plan/validate/link";
import { sideAccount } from "../plan/validate/side";
import { lookupAccount, lookupRegion, lookupVpcRanges } from "./lookups";
import { OutputsOf } from "./outputsOf";
import { on, SideProviders, sideProviders } from "./sides";
import { TOKENS } from "./tokens";
import { failOnProblems, gate, knownNow } from "./validation";

export interface NetworkLinkInternals {
    providers?: SideProviders;
}

type Next = { [key: string]: string };

export class NetworkLink extends pulumi.ComponentResource implements OutputsOf<NetworkLinkOutputs> {
    declare readonly peeringConnectionId: pulumi.Output<string>;
    declare readonly routeIds: pulumi.Output<string[]>;
    declare readonly firewallRules: pulumi.Output<FirewallRule[]>;

    private readonly routes: aws.ec2.Route[] = [];

    constructor(name: string, args: NetworkLinkArgs, opts?: pulumi.ComponentResourceOptions, internals: NetworkLinkInternals = {}) {
        failOnProblems("NetworkLink", validateNetworkLink(knownNow(args)));
        super(TOKENS.NetworkLink, name, {}, opts);
        const p = internals.providers ?? sideProviders(name, args.source, args.destination, this);

        // The VPCs' own ranges are looked up too: a forgotten secondary CIDR breaks
        // routing just as surely as a declared one.
        const lookedUp = pulumi.all([
            args.sourceVpcId ? lookupVpcRanges(args.sourceVpcId, this, p.source) : [],
            args.destinationVpcId && args.mode !== "existing" ? lookupVpcRanges(args.destinationVpcId, this, p.destination) : [],
        ]);
        const ready = gate<NetworkLinkArgs, string[][]>("NetworkLink", args, lookedUp, (a, [src, dst]) => {
            const problems = new Problems();
            problems.list.push(...validateNetworkLink(a));
            const label = (side: "source" | "destination", vpc: unknown, list: string[]): LabelledRange[] =>
                list.map((cidr) => ({ cidr, side, origin: `${side} VPC ${vpc} (looked up)` }));
            checkLookedUpRanges(problems, labelledRanges("", a), [
                ...label("source", a.sourceVpcId, src),
                ...label("destination", a.destinationVpcId, dst),
            ]);
            return problems.list;
        });

        let peeringConnectionId: pulumi.Output<string> = pulumi.output("");
        if (args.mode === "peering") {
            peeringConnectionId = this.peering(name, args, p, ready);
        } else if (args.mode === "transitGateway") {
            this.transitGateway(name, args, p, ready);
        } else if (args.existingRouteTargetId !== undefined) {
            const target = pulumi.output(args.existingRouteTargetId);
            this.addRoutes(name, args, p, "destination", target.apply((t): Next => ({ [routeTargetKind(t)!]: t })), ready);
        }

        this.peeringConnectionId = peeringConnectionId;
        this.routeIds = pulumi.all(this.routes.map((r) => r.id));
        this.firewallRules = pulumi.all([pulumi.output(args.sourceCidrBlocks), pulumi.output(args.destinationCidrBlocks)]).apply(([src, dst]) =>
            src.flatMap((from) =>
                dst.flatMap((to) => [ENDPOINT_HTTPS, ENDPOINT_CONTROL].map((port) => ({ from, to, protocol: port.protocol, ports: portText(port), purpose: port.purpose }))),
            ),
        );
        this.registerOutputs({ peeringConnectionId: this.peeringConnectionId, routeIds: this.routeIds, firewallRules: this.firewallRules });
    }

    /** Routes from one side's tables to the other side's ranges (or both sides when side is undefined). */
    private addRoutes(
        name: string,
        args: NetworkLinkArgs,
        p: SideProviders,
        only: "source" | "destination" | undefined,
        next: pulumi.Output<Next> | ((side: "source" | "destination") => pulumi.Output<Next>),
        ready: pulumi.Output<unknown>,
        dependsOn: pulumi.Resource[] = [],
    ): void {
        const tables = { source: args.sourceRouteTableIds ?? [], destination: args.destinationRouteTableIds ?? [] };
        const ranges = { source: args.sourceCidrBlocks, destination: args.destinationCidrBlocks };
        const plan = planRoutes({
            sourceTables: only === "destination" ? 0 : tables.source.length,
            destinationTables: only === "source" ? 0 : tables.destination.length,
            sourceRanges: ranges.source.length,
            destinationRanges: ranges.destination.length,
        });
        for (const r of plan) {
            const other = r.side === "source" ? "destination" : "source";
            const hop = typeof next === "function" ? next(r.side) : next;
            const routeTableId = pulumi.all([ready, tables[r.side][r.table]]).apply(([, t]) => t);
            this.routes.push(
                new aws.ec2.Route(
                    `${name}-${r.key}`,
                    {
                        routeTableId,
                        destinationCidrBlock: ranges[other][r.range],
                        gatewayId: hop.apply((h) => h.gatewayId),
                        transitGatewayId: hop.apply((h) => h.transitGatewayId),
                        networkInterfaceId: hop.apply((h) => h.networkInterfaceId),
                        vpcPeeringConnectionId: hop.apply((h) => h.vpcPeeringConnectionId),
                    },
                    on(this, r.side === "source" ? p.source : p.destination, { dependsOn }),
                ),
            );
        }
    }

    /**
     * Requester on the source side, accepter on the destination side. The accepter is
     * made even within one account and Region: it works there too, and one shape for
     * every case keeps cross-account and cross-Region from being special.
     */
    private peering(name: string, args: NetworkLinkArgs, p: SideProviders, ready: pulumi.Output<unknown>): pulumi.Output<string> {
        const srcRegion = lookupRegion(this, p.source);
        const dstRegion = lookupRegion(this, p.destination);
        const peering = new aws.ec2.VpcPeeringConnection(
            `${name}-peering`,
            {
                vpcId: pulumi.all([ready, args.sourceVpcId!]).apply(([, v]) => v),
                peerVpcId: args.destinationVpcId!,
                peerOwnerId: lookupAccount(this, p.destination),
                peerRegion: pulumi.all([srcRegion, dstRegion]).apply(([s, d]) => (s === d ? undefined : d)) as pulumi.Output<string>,
                tags: args.tags,
            },
            on(this, p.source),
        );
        const accepter = new aws.ec2.VpcPeeringConnectionAccepter(
            `${name}-peering-accepter`,
            { vpcPeeringConnectionId: peering.id, autoAccept: true, tags: args.tags },
            on(this, p.destination),
        );
        this.addRoutes(name, args, p, undefined, accepter.id.apply((id): Next => ({ vpcPeeringConnectionId: id })), ready, [accepter]);
        return accepter.id;
    }

    private transitGateway(name: string, args: NetworkLinkArgs, p: SideProviders, ready: pulumi.Output<unknown>): void {
        const tgw = pulumi.all([ready, args.transitGatewayId!]).apply(([, t]) => t);
        const crossAccount = (() => {
            const s = sideAccount(knownNow(args.source));
            const d = sideAccount(knownNow(args.destination));
            return s !== undefined && d !== undefined && s !== d;
        })();
        const dstAttachment = new aws.ec2transitgateway.VpcAttachment(
            `${name}-dst-attachment`,
            { transitGatewayId: tgw, vpcId: args.destinationVpcId!, subnetIds: args.destinationSubnetIds!, tags: args.tags },
            on(this, p.destination),
        );
        const waitFor: pulumi.Resource[] = [dstAttachment];
        let sourceTgw: pulumi.Input<string> = tgw;
        if (args.sourceTransitGatewayId !== undefined) {
            sourceTgw = args.sourceTransitGatewayId;
            waitFor.push(...this.peerGateways(name, args, p, tgw));
        } else if (crossAccount && (args.transitGatewaySharing ?? "ram") === "ram") {
            waitFor.push(this.shareGateway(name, args, p, tgw));
        }
        const srcAttachment = new aws.ec2transitgateway.VpcAttachment(
            `${name}-src-attachment`,
            { transitGatewayId: sourceTgw, vpcId: args.sourceVpcId!, subnetIds: args.sourceSubnetIds!, tags: args.tags },
            on(this, p.source, { dependsOn: waitFor.slice(1) }),
        );
        waitFor.push(srcAttachment);
        if (crossAccount && args.sourceTransitGatewayId === undefined && args.transitGatewayAutoAccept !== true) {
            waitFor.push(
                new aws.ec2transitgateway.VpcAttachmentAccepter(`${name}-src-attachment-accepter`, { transitGatewayAttachmentId: srcAttachment.id, tags: args.tags }, on(this, p.destination)),
            );
        }
        const hop = (side: "source" | "destination") => pulumi.output(side === "source" ? sourceTgw : tgw).apply((t): Next => ({ transitGatewayId: t }));
        this.addRoutes(name, args, p, undefined, hop, ready, waitFor);
    }

    /** Shares the destination's gateway with the source account through AWS RAM. */
    private shareGateway(name: string, args: NetworkLinkArgs, p: SideProviders, tgw: pulumi.Output<string>): pulumi.Resource {
        const share = new aws.ram.ResourceShare(`${name}-tgw-share`, { name: `${name}-tgw-share`, allowExternalPrincipals: true, tags: args.tags }, on(this, p.destination));
        const tgwArn = aws.ec2transitgateway.getTransitGatewayOutput({ id: tgw }, { parent: this, ...(p.destination ? { provider: p.destination } : {}) }).arn;
        const assoc = new aws.ram.ResourceAssociation(`${name}-tgw-share-gateway`, { resourceArn: tgwArn, resourceShareArn: share.arn }, on(this, p.destination));
        const principal = new aws.ram.PrincipalAssociation(
            `${name}-tgw-share-principal`,
            { principal: lookupAccount(this, p.source), resourceShareArn: share.arn },
            on(this, p.destination),
        );
        return new aws.ram.ResourceShareAccepter(`${name}-tgw-share-accepter`, { shareArn: share.arn }, on(this, p.source, { dependsOn: [assoc, principal] }));
    }

    /** Cross-Region: peer the source Region's gateway with the destination's and route the ranges over the peering. */
    private peerGateways(name: string, args: NetworkLinkArgs, p: SideProviders, tgw: pulumi.Output<string>): pulumi.Resource[] {
        const peering = new aws.ec2transitgateway.PeeringAttachment(
            `${name}-tgw-peering`,
            {
                transitGatewayId: args.sourceTransitGatewayId!,
                peerTransitGatewayId: tgw,
                peerRegion: lookupRegion(this, p.destination),
                peerAccountId: lookupAccount(this, p.destination),
                tags: args.tags,
            },
            on(this, p.source),
        );
        const accepter = new aws.ec2transitgateway.PeeringAttachmentAccepter(
            `${name}-tgw-peering-accepter`,
            { transitGatewayAttachmentId: peering.id, tags: args.tags },
            on(this, p.destination),
        );
        const table = (id: pulumi.Input<string>, provider?: aws.Provider) =>
            aws.ec2transitgateway.getTransitGatewayOutput({ id }, { parent: this, ...(provider ? { provider } : {}) }).associationDefaultRouteTableId;
        const out: pulumi.Resource[] = [peering, accepter];
        args.sourceCidrBlocks.forEach((cidr, i) =>
            out.push(
                new aws.ec2transitgateway.Route(
                    `${name}-tgw-dst-r${i}`,
                    { destinationCidrBlock: cidr, transitGatewayAttachmentId: accepter.id, transitGatewayRouteTableId: table(tgw, p.destination) },
                    on(this, p.destination),
                ),
            ),
        );
        args.destinationCidrBlocks.forEach((cidr, i) =>
            out.push(
                new aws.ec2transitgateway.Route(
                    `${name}-tgw-src-r${i}`,
                    { destinationCidrBlock: cidr, transitGatewayAttachmentId: peering.id, transitGatewayRouteTableId: table(args.sourceTransitGatewayId!, p.source) },
                    on(this, p.source, { dependsOn: [accepter] }),
                ),
            ),
        );
        return out;
    }
}
