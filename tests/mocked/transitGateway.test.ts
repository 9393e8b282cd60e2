// Transit gateway links: who shares, accepts, attaches, associates and routes, in which account
// and Region. Sources for each rule:
// - RAM, invitation-based ("ram"): the owner shares with allowExternalPrincipals and the source
//   account accepts (TF ram/resource_share_accepter.go looks for a PENDING invitation).
// - RAM inside one Organization ("ramOrganization"): no invitation, so no accepter ("If both AWS
//   accounts are in the same AWS Organization and RAM Sharing with AWS Organizations is enabled, this
//   resource is not necessary", same file); external principals off.
// - The owner accepts a shared account's VPC attachment unless the gateway auto-accepts
//   (DescribeTransitGateways AutoAcceptSharedAttachments; TF transitgateway_vpc_attachment_accepter.go
//   calls AcceptTransitGatewayVpcAttachment unconditionally, so it must not exist then).
// - Segmented gateways: explicit route tables get associations (replace_existing_association, TF
//   transitgateway_route_table_association.go) and propagations; the TF association helper silently
//   does nothing for an empty default table ID, so a gateway without default tables and without an
//   explicit table is refused.
// - Peering across Regions: requester with the source gateway, accepter with the destination's;
//   static routes in both tables and the peering attachment associated with them
//   (AWS tgw-peering-add-route: "you must add a static route to the transit gateway route table that
//   points to the transit gateway peering attachment").
import * as assert from "assert";
import { ACCOUNT, DST, F, OTHER_REGION, OUTSIDE_ACCOUNT, REGION, SOURCE_ACCOUNT, SRC, T } from "../fixtures/aws";
import { LinkSettings } from "../../provider/src/args/link";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { AwsSide } from "../../provider/src/args/side";
import { built, recorder, refusal } from "./harness";
import { defaultWorld, gatewayOf, MockWorld } from "./world";

const SOURCE_ROLE = `arn:aws:iam::${SOURCE_ACCOUNT}:role/datasync-source`;
const SEGMENT_TABLE = "tgw-rtb-0d5700000000000b2";
const HUB_TGW = "tgw-03b000000000000a1";
const TGW_ARN = `arn:aws:ec2:${REGION}:${ACCOUNT}:transit-gateway/${DST.tgw}`;

const LINK: LinkSettings = {
    mode: "transitGateway",
    transitGatewayId: DST.tgw,
    sourceVpcId: SRC.vpc,
    sourceSubnetIds: [SRC.subnetA],
    sourceCidrBlocks: ["10.20.0.0/16"],
    destinationCidrBlocks: ["10.0.0.0/16"],
    sourceRouteTableIds: [SRC.routeTable],
    destinationRouteTableIds: [DST.routeTable],
};

interface Case {
    world?: (w: MockWorld) => void;
    link?: Partial<LinkSettings>;
    source?: AwsSide;
}

async function deploy(c: Case): Promise<PrivateAgent> {
    const w = defaultWorld();
    c.world?.(w);
    recorder.reset(w);
    const fleet = new PrivateAgent(
        "dsync",
        {
            source: c.source ?? { roleArn: SOURCE_ROLE },
            vpcId: DST.vpc,
            endpointSubnetIds: [DST.subnetA],
            agents: [{ name: "vm", address: "10.20.1.5" }],
            link: { ...LINK, ...c.link },
        },
        { transformations: [recorder.capture] },
    );
    await built(fleet, fleet.agentArns, fleet.firewallRules);
    return fleet;
}

/** "<name> <account> <region>" of every link resource (attachments, shares, routes ...), sorted. */
function linkResources(): string[] {
    const linkTypes = new Set<string>([
        T.tgwVpcAttachment,
        T.tgwVpcAttachmentAccepter,
        T.tgwPeering,
        T.tgwPeeringAccepter,
        T.tgwRoute,
        T.tgwRouteTableAssociation,
        T.tgwRouteTablePropagation,
        T.ramShare,
        T.ramResourceAssociation,
        T.ramPrincipalAssociation,
        T.ramShareAccepter,
        T.route,
    ]);
    return recorder.resources
        .filter((r) => linkTypes.has(r.type))
        .map((r) => `${r.name} ${r.at.account} ${r.at.region}`)
        .sort();
}

const id = (name: string) => recorder.named(name).id;

describe("PrivateAgent over a transit gateway", () => {
    it("same account and Region: two attachments to the gateway's default tables and routes; nothing shared, accepted or associated", async () => {
        await deploy({ source: {} });
        assert.deepStrictEqual(linkResources(), [
            `dsync-dst-attachment ${ACCOUNT} ${REGION}`,
            `dsync-dst-rt0-r0 ${ACCOUNT} ${REGION}`,
            `dsync-src-attachment ${ACCOUNT} ${REGION}`,
            `dsync-src-rt0-r0 ${ACCOUNT} ${REGION}`,
        ]);
        assert.deepStrictEqual(recorder.ofType(T.provider), []);
    });

    describe('same Region, across accounts, sharing "ram", a gateway that does not auto-accept', () => {
        before(async () => {
            await deploy({});
        });

        it("shares, accepts the share on the source side, attaches both VPCs, accepts the source attachment on the gateway's side, routes both ways", () => {
            assert.deepStrictEqual(linkResources(), [
                `dsync-dst-attachment ${ACCOUNT} ${REGION}`,
                `dsync-dst-rt0-r0 ${ACCOUNT} ${REGION}`,
                `dsync-src-attachment ${SOURCE_ACCOUNT} ${REGION}`,
                `dsync-src-attachment-accepter ${ACCOUNT} ${REGION}`,
                `dsync-src-rt0-r0 ${SOURCE_ACCOUNT} ${REGION}`,
                `dsync-tgw-share ${ACCOUNT} ${REGION}`,
                `dsync-tgw-share-accepter ${SOURCE_ACCOUNT} ${REGION}`,
                `dsync-tgw-share-gateway ${ACCOUNT} ${REGION}`,
                `dsync-tgw-share-principal ${ACCOUNT} ${REGION}`,
            ]);
        });

        it("shares the gateway with the source account, external principals allowed, and accepts the invitation there", () => {
            const share = recorder.named("dsync-tgw-share");
            assert.deepStrictEqual(share.inputs, { name: "dsync-tgw-share", allowExternalPrincipals: true });
            assert.deepStrictEqual(recorder.named("dsync-tgw-share-gateway").inputs, { resourceArn: TGW_ARN, resourceShareArn: share.id });
            assert.deepStrictEqual(recorder.named("dsync-tgw-share-principal").inputs, { principal: SOURCE_ACCOUNT, resourceShareArn: share.id });
            assert.deepStrictEqual(recorder.named("dsync-tgw-share-accepter").inputs, { shareArn: share.id });
            assert.strictEqual(recorder.named("dsync-tgw-share-accepter").provider, "dsync-source");
        });

        it("attaches each VPC with the gateway's default tables; the source attachment waits for the accepted share", async () => {
            assert.deepStrictEqual(recorder.named("dsync-dst-attachment").inputs, {
                transitGatewayId: DST.tgw,
                vpcId: DST.vpc,
                subnetIds: [DST.subnetA],
                transitGatewayDefaultRouteTableAssociation: true,
                transitGatewayDefaultRouteTablePropagation: true,
            });
            assert.deepStrictEqual(recorder.named("dsync-src-attachment").inputs, {
                transitGatewayId: DST.tgw,
                vpcId: SRC.vpc,
                subnetIds: [SRC.subnetA],
                transitGatewayDefaultRouteTableAssociation: true,
                transitGatewayDefaultRouteTablePropagation: true,
            });
            assert.deepStrictEqual(await recorder.dependsOnNames("dsync-src-attachment"), [
                "dsync-tgw-share",
                "dsync-tgw-share-accepter",
                "dsync-tgw-share-gateway",
                "dsync-tgw-share-principal",
            ]);
        });

        it("accepts the source VPC's attachment in the gateway's account", () => {
            const accepter = recorder.named("dsync-src-attachment-accepter");
            assert.deepStrictEqual(accepter.inputs, {
                transitGatewayAttachmentId: id("dsync-src-attachment"),
                transitGatewayDefaultRouteTableAssociation: true,
                transitGatewayDefaultRouteTablePropagation: true,
            });
            assert.strictEqual(accepter.provider, undefined);
        });

        it("routes each VPC's tables to the other side's ranges through the gateway", () => {
            assert.deepStrictEqual(recorder.named("dsync-src-rt0-r0").inputs, {
                routeTableId: SRC.routeTable,
                destinationCidrBlock: "10.0.0.0/16",
                transitGatewayId: DST.tgw,
            });
            assert.deepStrictEqual(recorder.named("dsync-dst-rt0-r0").inputs, {
                routeTableId: DST.routeTable,
                destinationCidrBlock: "10.20.0.0/16",
                transitGatewayId: DST.tgw,
            });
        });
    });

    it("a gateway that auto-accepts shared attachments gets no attachment accepter (F12)", async () => {
        await deploy({ world: (w) => (w.gateways[DST.tgw].autoAcceptSharedAttachments = "enable") });
        assert.deepStrictEqual(recorder.ofType(T.tgwVpcAttachmentAccepter), []);
        assert.deepStrictEqual(
            recorder.ofType(T.ramShareAccepter).map((r) => r.name),
            ["dsync-tgw-share-accepter"],
        );
    });

    it('sharing "ramOrganization": external principals off, no invitation to accept; the attachment waits for the principal association', async () => {
        await deploy({ link: { transitGatewaySharing: "ramOrganization" } });
        assert.deepStrictEqual(recorder.named("dsync-tgw-share").inputs, { name: "dsync-tgw-share", allowExternalPrincipals: false });
        assert.deepStrictEqual(recorder.ofType(T.ramShareAccepter), []);
        assert.deepStrictEqual(recorder.named("dsync-tgw-share-principal").inputs.principal, SOURCE_ACCOUNT);
        assert.deepStrictEqual(await recorder.dependsOnNames("dsync-src-attachment"), [
            "dsync-tgw-share",
            "dsync-tgw-share-gateway",
            "dsync-tgw-share-principal",
        ]);
        assert.deepStrictEqual(
            recorder.ofType(T.tgwVpcAttachmentAccepter).map((r) => r.name),
            ["dsync-src-attachment-accepter"],
        );
    });

    it('sharing "preShared": no share at all; the owner still accepts the attachment of a gateway that does not auto-accept', async () => {
        await deploy({ link: { transitGatewaySharing: "preShared" } });
        assert.deepStrictEqual(linkResources(), [
            `dsync-dst-attachment ${ACCOUNT} ${REGION}`,
            `dsync-dst-rt0-r0 ${ACCOUNT} ${REGION}`,
            `dsync-src-attachment ${SOURCE_ACCOUNT} ${REGION}`,
            `dsync-src-attachment-accepter ${ACCOUNT} ${REGION}`,
            `dsync-src-rt0-r0 ${SOURCE_ACCOUNT} ${REGION}`,
        ]);
        assert.deepStrictEqual(await recorder.dependsOnNames("dsync-src-attachment"), []);
    });

    describe("a segmented gateway (no default tables) with an explicit transitGatewayRouteTableId", () => {
        const segmented = (w: MockWorld) => {
            w.gateways[DST.tgw] = gatewayOf(ACCOUNT, "", {
                defaultRouteTableAssociation: "disable",
                defaultRouteTablePropagation: "disable",
                autoAcceptSharedAttachments: "enable",
            });
        };
        before(async () => {
            await deploy({ world: segmented, link: { transitGatewayRouteTableId: SEGMENT_TABLE } });
        });

        it("attaches both VPCs with default association and propagation off", () => {
            for (const name of ["dsync-dst-attachment", "dsync-src-attachment"]) {
                const a = recorder.named(name).inputs;
                assert.deepStrictEqual(
                    [name, a.transitGatewayDefaultRouteTableAssociation, a.transitGatewayDefaultRouteTablePropagation],
                    [name, false, false],
                );
            }
        });

        it("associates both attachments with the table, replacing any existing association, and propagates both to it, in the gateway's account", () => {
            const assoc = recorder.ofType(T.tgwRouteTableAssociation).map((r) => [r.name, r.inputs, r.at.account]);
            assert.deepStrictEqual(assoc, [
                [
                    "dsync-tgw-assoc-destination-destinationVpc",
                    { transitGatewayAttachmentId: id("dsync-dst-attachment"), transitGatewayRouteTableId: SEGMENT_TABLE, replaceExistingAssociation: true },
                    ACCOUNT,
                ],
                [
                    "dsync-tgw-assoc-destination-sourceVpc",
                    { transitGatewayAttachmentId: id("dsync-src-attachment"), transitGatewayRouteTableId: SEGMENT_TABLE, replaceExistingAssociation: true },
                    ACCOUNT,
                ],
            ]);
            const props = recorder.ofType(T.tgwRouteTablePropagation).map((r) => [r.name, r.inputs, r.at.account]);
            assert.deepStrictEqual(props, [
                [
                    "dsync-tgw-prop-destination-destinationVpc",
                    { transitGatewayAttachmentId: id("dsync-dst-attachment"), transitGatewayRouteTableId: SEGMENT_TABLE },
                    ACCOUNT,
                ],
                [
                    "dsync-tgw-prop-destination-sourceVpc",
                    { transitGatewayAttachmentId: id("dsync-src-attachment"), transitGatewayRouteTableId: SEGMENT_TABLE },
                    ACCOUNT,
                ],
            ]);
        });

        it("with an accepter, the source attachment is associated once accepted, and the accepter turns the default tables off too", async () => {
            await deploy({
                world: (w) => {
                    segmented(w);
                    w.gateways[DST.tgw].autoAcceptSharedAttachments = "disable";
                },
                link: { transitGatewayRouteTableId: SEGMENT_TABLE },
            });
            assert.deepStrictEqual(recorder.named("dsync-src-attachment-accepter").inputs, {
                transitGatewayAttachmentId: id("dsync-src-attachment"),
                transitGatewayDefaultRouteTableAssociation: false,
                transitGatewayDefaultRouteTablePropagation: false,
            });
            // The mock gives an accepter the attachment's ID; what matters is that the association names the accepter's output.
            assert.strictEqual(recorder.named("dsync-tgw-assoc-destination-sourceVpc").inputs.transitGatewayAttachmentId, id("dsync-src-attachment-accepter"));
        });
    });

    it("refuses a gateway without default tables and no explicit table, at link.transitGatewayRouteTableId, before anything is created", async () => {
        const w = defaultWorld();
        w.gateways[DST.tgw] = gatewayOf(ACCOUNT, "", { defaultRouteTableAssociation: "disable", defaultRouteTablePropagation: "disable" });
        recorder.reset(w);
        const fleet = new PrivateAgent("dsync", {
            source: { roleArn: SOURCE_ROLE },
            vpcId: DST.vpc,
            endpointSubnetIds: [DST.subnetA],
            agents: [{ name: "vm", address: "10.20.1.5" }],
            link: LINK,
        });
        const e = await refusal(fleet);
        assert.deepStrictEqual(
            e.errors.map((x) => x.propertyPath),
            ["link.transitGatewayRouteTableId"],
        );
        assert.match(e.errors[0].reason, new RegExp(`transit gateway ${DST.tgw} has no default association route table`));
        assert.deepStrictEqual(
            recorder.resources.filter((r) => !r.type.startsWith("datasync-privatelink:")).map((r) => r.type),
            [T.provider],
            "only the side provider the lookups needed",
        );
    });

    describe("across Regions and accounts, through a source-Region gateway peered with the destination's", () => {
        const SRC_SUBNET_US = SRC.subnetA;
        before(async () => {
            await deploy({
                source: { roleArn: SOURCE_ROLE, region: OTHER_REGION },
                world: (w) => (w.subnets[SRC_SUBNET_US] = { ...w.subnets[SRC_SUBNET_US], availabilityZone: `${OTHER_REGION}a` }),
                link: { sourceTransitGatewayId: SRC.tgw },
            });
        });

        it("creates the destination attachment, the peering requester and accepter, the source attachment, associations and static routes, each in its account and Region", () => {
            assert.deepStrictEqual(linkResources(), [
                `dsync-dst-attachment ${ACCOUNT} ${REGION}`,
                `dsync-dst-rt0-r0 ${ACCOUNT} ${REGION}`,
                `dsync-src-attachment ${SOURCE_ACCOUNT} ${OTHER_REGION}`,
                `dsync-src-rt0-r0 ${SOURCE_ACCOUNT} ${OTHER_REGION}`,
                `dsync-tgw-assoc-destination-peering ${ACCOUNT} ${REGION}`,
                `dsync-tgw-assoc-source-peering ${SOURCE_ACCOUNT} ${OTHER_REGION}`,
                `dsync-tgw-peering ${SOURCE_ACCOUNT} ${OTHER_REGION}`,
                `dsync-tgw-peering-accepter ${ACCOUNT} ${REGION}`,
                `dsync-tgw-route-destination-r0 ${ACCOUNT} ${REGION}`,
                `dsync-tgw-route-source-r0 ${SOURCE_ACCOUNT} ${OTHER_REGION}`,
            ]);
        });

        it("names the source Region on every source resource (besides its provider's Region) and none on the destination's", () => {
            for (const r of recorder.resources.filter((x) => x.type.startsWith("aws:"))) {
                const source = r.provider === "dsync-source";
                assert.deepStrictEqual([r.name, r.inputs.region], [r.name, source ? OTHER_REGION : undefined]);
            }
            assert.strictEqual(recorder.named("dsync-source").inputs.region, OTHER_REGION);
        });

        it("requests the peering from the source gateway to the destination's, naming its Region and account, and accepts it there", () => {
            assert.deepStrictEqual(recorder.named("dsync-tgw-peering").inputs, {
                region: OTHER_REGION,
                transitGatewayId: SRC.tgw,
                peerTransitGatewayId: DST.tgw,
                peerRegion: REGION,
                peerAccountId: ACCOUNT,
            });
            assert.deepStrictEqual(recorder.named("dsync-tgw-peering-accepter").inputs, { transitGatewayAttachmentId: id("dsync-tgw-peering") });
        });

        it("attaches the source VPC to the source gateway, with nothing to share or accept", () => {
            assert.deepStrictEqual(recorder.named("dsync-src-attachment").inputs, {
                region: OTHER_REGION,
                transitGatewayId: SRC.tgw,
                vpcId: SRC.vpc,
                subnetIds: [SRC.subnetA],
                transitGatewayDefaultRouteTableAssociation: true,
                transitGatewayDefaultRouteTablePropagation: true,
            });
            assert.deepStrictEqual([recorder.ofType(T.ramShare), recorder.ofType(T.tgwVpcAttachmentAccepter)], [[], []]);
        });

        it("associates the peering attachment with each gateway's default table and routes the other side's ranges over it", () => {
            const peering = id("dsync-tgw-peering-accepter");
            assert.deepStrictEqual(recorder.named("dsync-tgw-assoc-destination-peering").inputs, {
                transitGatewayAttachmentId: peering,
                transitGatewayRouteTableId: DST.tgwRouteTable,
                replaceExistingAssociation: true,
            });
            assert.deepStrictEqual(recorder.named("dsync-tgw-assoc-source-peering").inputs, {
                region: OTHER_REGION,
                transitGatewayAttachmentId: id("dsync-tgw-peering"),
                transitGatewayRouteTableId: SRC.tgwRouteTable,
                replaceExistingAssociation: true,
            });
            assert.deepStrictEqual(recorder.named("dsync-tgw-route-destination-r0").inputs, {
                destinationCidrBlock: "10.20.0.0/16",
                transitGatewayAttachmentId: peering,
                transitGatewayRouteTableId: DST.tgwRouteTable,
            });
            assert.deepStrictEqual(recorder.named("dsync-tgw-route-source-r0").inputs, {
                region: OTHER_REGION,
                destinationCidrBlock: "10.0.0.0/16",
                transitGatewayAttachmentId: id("dsync-tgw-peering"),
                transitGatewayRouteTableId: SRC.tgwRouteTable,
            });
        });

        it("routes the source VPC through its own gateway and the destination VPC through the destination's", () => {
            assert.deepStrictEqual(recorder.named("dsync-src-rt0-r0").inputs, {
                region: OTHER_REGION,
                routeTableId: SRC.routeTable,
                destinationCidrBlock: "10.0.0.0/16",
                transitGatewayId: SRC.tgw,
            });
            assert.deepStrictEqual(recorder.named("dsync-dst-rt0-r0").inputs, {
                routeTableId: DST.routeTable,
                destinationCidrBlock: "10.20.0.0/16",
                transitGatewayId: DST.tgw,
            });
        });

        it("looks the source gateway up on the source side, in the source Region", () => {
            const lookups = recorder.invokes.filter((x) => x.token === F.getTransitGateway).map((x) => [x.args.id, x.provider, x.at.region]);
            assert.deepStrictEqual(lookups.sort(), [
                [SRC.tgw, "dsync-source", OTHER_REGION],
                [DST.tgw, undefined, REGION],
            ]);
        });
    });

    it("across Regions with explicit tables on both gateways: every attachment associated, VPC attachments propagated, the peering attachment never", async () => {
        await deploy({
            source: { roleArn: SOURCE_ROLE, region: OTHER_REGION },
            world: (w) => (w.subnets[SRC.subnetA] = { ...w.subnets[SRC.subnetA], availabilityZone: `${OTHER_REGION}a` }),
            link: { sourceTransitGatewayId: SRC.tgw, transitGatewayRouteTableId: SEGMENT_TABLE, sourceTransitGatewayRouteTableId: "tgw-rtb-05c000000000000b2" },
        });
        const tables = (type: string) =>
            recorder
                .ofType(type)
                .map((r) => `${r.name} ${r.inputs.transitGatewayRouteTableId} ${r.at.account}`)
                .sort();
        assert.deepStrictEqual(tables(T.tgwRouteTableAssociation), [
            `dsync-tgw-assoc-destination-destinationVpc ${SEGMENT_TABLE} ${ACCOUNT}`,
            `dsync-tgw-assoc-destination-peering ${SEGMENT_TABLE} ${ACCOUNT}`,
            `dsync-tgw-assoc-source-peering tgw-rtb-05c000000000000b2 ${SOURCE_ACCOUNT}`,
            `dsync-tgw-assoc-source-sourceVpc tgw-rtb-05c000000000000b2 ${SOURCE_ACCOUNT}`,
        ]);
        assert.deepStrictEqual(tables(T.tgwRouteTablePropagation), [
            `dsync-tgw-prop-destination-destinationVpc ${SEGMENT_TABLE} ${ACCOUNT}`,
            `dsync-tgw-prop-source-sourceVpc tgw-rtb-05c000000000000b2 ${SOURCE_ACCOUNT}`,
        ]);
        assert.deepStrictEqual(tables(T.tgwRoute), [
            `dsync-tgw-route-destination-r0 ${SEGMENT_TABLE} ${ACCOUNT}`,
            `dsync-tgw-route-source-r0 tgw-rtb-05c000000000000b2 ${SOURCE_ACCOUNT}`,
        ]);
        for (const name of ["dsync-dst-attachment", "dsync-src-attachment"]) {
            const a = recorder.named(name).inputs;
            assert.deepStrictEqual([name, a.transitGatewayDefaultRouteTableAssociation, a.transitGatewayDefaultRouteTablePropagation], [name, false, false]);
        }
    });

    it("refuses a transitGatewayAutoAccept that contradicts the gateway's own setting, at link.transitGatewayAutoAccept", async () => {
        recorder.reset();
        const e = await refusal(
            new PrivateAgent("dsync", {
                source: { roleArn: SOURCE_ROLE },
                vpcId: DST.vpc,
                endpointSubnetIds: [DST.subnetA],
                agents: [{ name: "vm", address: "10.20.1.5" }],
                link: { ...LINK, transitGatewayAutoAccept: true },
            }),
        );
        assert.deepStrictEqual(
            e.errors.map((x) => x.propertyPath),
            ["link.transitGatewayAutoAccept"],
        );
        assert.match(e.errors[0].reason, /has autoAcceptSharedAttachments disabled/);
        assert.deepStrictEqual(
            recorder.resources.filter((r) => r.type.startsWith("aws:")),
            [],
        );
    });

    it("refuses a route table of a hub's gateway: its owner keeps its tables", async () => {
        const w = defaultWorld();
        w.gateways[HUB_TGW] = gatewayOf(OUTSIDE_ACCOUNT, "tgw-rtb-03b000000000000a1");
        recorder.reset(w);
        const e = await refusal(
            new PrivateAgent("dsync", {
                source: { roleArn: SOURCE_ROLE },
                vpcId: DST.vpc,
                endpointSubnetIds: [DST.subnetA],
                agents: [{ name: "vm", address: "10.20.1.5" }],
                link: { ...LINK, transitGatewayId: HUB_TGW, transitGatewaySharing: "preShared", transitGatewayRouteTableId: "tgw-rtb-03b000000000000a1" },
            }),
        );
        assert.deepStrictEqual(
            e.errors.map((x) => x.propertyPath),
            ["link.transitGatewayRouteTableId"],
        );
        assert.match(e.errors[0].reason, new RegExp(`the gateway's route tables belong to account ${OUTSIDE_ACCOUNT}`));
        assert.deepStrictEqual(
            recorder.resources.filter((r) => r.type.startsWith("aws:")),
            [],
        );
    });

    describe('a network hub\'s gateway (a third account) with "preShared"', () => {
        before(async () => {
            await deploy({
                world: (w) => (w.gateways[HUB_TGW] = gatewayOf(OUTSIDE_ACCOUNT, "tgw-rtb-03b000000000000a1")),
                link: { transitGatewayId: HUB_TGW, transitGatewaySharing: "preShared" },
            });
        });

        it("attaches both VPCs and routes, with no share, no accepter and no route table of ours", () => {
            assert.deepStrictEqual(linkResources(), [
                `dsync-dst-attachment ${ACCOUNT} ${REGION}`,
                `dsync-dst-rt0-r0 ${ACCOUNT} ${REGION}`,
                `dsync-src-attachment ${SOURCE_ACCOUNT} ${REGION}`,
                `dsync-src-rt0-r0 ${SOURCE_ACCOUNT} ${REGION}`,
            ]);
            assert.deepStrictEqual(
                [recorder.named("dsync-dst-attachment").inputs.transitGatewayId, recorder.named("dsync-src-attachment").inputs.transitGatewayId],
                [HUB_TGW, HUB_TGW],
            );
        });

        it("warns that the hub's owner must accept the attachments", () => {
            assert.deepStrictEqual(recorder.warnings, [
                `transit gateway ${HUB_TGW} belongs to account ${OUTSIDE_ACCOUNT} and does not auto-accept shared attachments: the link's attachments wait until that account accepts them`,
            ]);
        });
    });

    it('refuses a hub\'s gateway with sharing "ram" at link.transitGatewayId: its shares are not ours to make', async () => {
        const w = defaultWorld();
        w.gateways[HUB_TGW] = gatewayOf(OUTSIDE_ACCOUNT, "tgw-rtb-03b000000000000a1");
        recorder.reset(w);
        const fleet = new PrivateAgent("dsync", {
            source: { roleArn: SOURCE_ROLE },
            vpcId: DST.vpc,
            endpointSubnetIds: [DST.subnetA],
            agents: [{ name: "vm", address: "10.20.1.5" }],
            link: { ...LINK, transitGatewayId: HUB_TGW },
        });
        const e = await refusal(fleet);
        assert.deepStrictEqual(
            e.errors.map((x) => x.propertyPath),
            ["link.transitGatewayId"],
        );
        assert.match(e.errors[0].reason, new RegExp(`belongs to account ${OUTSIDE_ACCOUNT}`));
        assert.deepStrictEqual(
            recorder.resources.filter((r) => r.type.startsWith("aws:")),
            [],
        );
    });
});
