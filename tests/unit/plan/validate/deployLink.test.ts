// plan/validate/deployLink.ts: the link checked against the VPCs' real ranges, the transit
// gateways' owners and options, the Regions, and the activation subnet's route table.
import * as assert from "assert";
import type { GatewayLookup, LinkFacts } from "../../../../provider/src/plan/facts";
import { UNKNOWN } from "../../../../provider/src/plan/known";
import { Problems } from "../../../../provider/src/plan/problems";
import { checkLinkFacts, LinkCheckInputs } from "../../../../provider/src/plan/validate/deployLink";
import type { KnownLink } from "../../../../provider/src/plan/validate/link";

const SRC_ACCOUNT = "111111111111";
const DST_ACCOUNT = "222222222222";
const HUB_ACCOUNT = "999999999999";
const TGW = "tgw-0123456789abcdef0";
const SRC_TGW = "tgw-0fedcba9876543210";

const PEERING: KnownLink = {
    mode: "peering",
    sourceCidrBlocks: ["10.20.0.0/16"],
    destinationCidrBlocks: ["10.0.0.0/16"],
    sourceVpcId: "vpc-0src0000",
    sourceRouteTableIds: ["rtb-0src0000"],
    destinationRouteTableIds: ["rtb-0dst0000", "rtb-0act0000"],
};

const TRANSIT: KnownLink = { ...PEERING, mode: "transitGateway", transitGatewayId: TGW, sourceSubnetIds: ["subnet-0src0000"] };

const INPUTS: LinkCheckInputs = {
    path: "link",
    link: PEERING,
    destinationVpcId: "vpc-0dst0000",
    destinationVpcIdPath: "vpcId",
    destinationVpcRanges: ["10.0.0.0/16"],
    source: { account: SRC_ACCOUNT, region: "eu-west-2" },
    destination: { account: DST_ACCOUNT, region: "eu-west-2" },
    activationSubnetId: "subnet-0act0000",
};

const FACTS: LinkFacts = { sourceVpcRanges: ["10.20.0.0/16"], activationRouteTable: "rtb-0act0000" };

function gateway(owner: string, o: Partial<GatewayLookup> = {}): GatewayLookup {
    return {
        defaultAssociation: true,
        defaultPropagation: true,
        autoAccept: false,
        arn: `arn:aws:ec2:eu-west-2:${owner}:transit-gateway/${TGW}`,
        ownerId: owner,
        associationTableId: "tgw-rtb-0aaa0000",
        propagationTableId: "tgw-rtb-0aaa0000",
        ...o,
    };
}

function check(inputs: Partial<LinkCheckInputs>, facts: Partial<LinkFacts> = {}): Problems {
    const p = new Problems();
    checkLinkFacts(p, { ...INPUTS, ...inputs }, { ...FACTS, ...facts });
    return p;
}

const problems = (p: Problems) => p.list.map(({ path, value, reason, fix }) => ({ path, value, reason, fix }));

describe("plan/validate/deployLink checkLinkFacts", () => {
    describe("valid facts produce nothing", () => {
        it("peering", () => assert.deepStrictEqual(check({}).list, []));
        it("transit gateway, cross-account, shared by RAM", () => {
            const p = check({ link: TRANSIT }, { destinationGateway: gateway(DST_ACCOUNT) });
            assert.deepStrictEqual([p.list, p.warnings], [[], []]);
        });
        it("transit gateways peered across Regions", () => {
            const p = check(
                { link: { ...TRANSIT, sourceTransitGatewayId: SRC_TGW }, source: { account: DST_ACCOUNT, region: "eu-west-1" } },
                { destinationGateway: gateway(DST_ACCOUNT), sourceGateway: gateway(DST_ACCOUNT) },
            );
            assert.deepStrictEqual(p.list, []);
        });
        it("a gateway of a network hub account, pre-shared, without tables of ours", () => {
            assert.deepStrictEqual(
                check({ link: { ...TRANSIT, transitGatewaySharing: "preShared" } }, { destinationGateway: gateway(HUB_ACCOUNT, { defaultAssociation: false }) })
                    .list,
                [],
            );
        });
        it("unknown facts (a preview)", () => {
            assert.deepStrictEqual(
                check(
                    { link: TRANSIT, destinationVpcRanges: UNKNOWN, source: { account: SRC_ACCOUNT, region: "eu-west-2" } },
                    { sourceVpcRanges: UNKNOWN, destinationGateway: UNKNOWN, sourceGateway: UNKNOWN, activationRouteTable: UNKNOWN },
                ).list,
                [],
            );
        });
    });

    describe("looked-up ranges", () => {
        // The source VPC not looked up yet (a preview), so only the declared source range meets it.
        it("a destination VPC's secondary range overlapping a declared source range", () => {
            assert.deepStrictEqual(problems(check({ destinationVpcRanges: ["10.0.0.0/16", "10.20.128.0/17"] }, { sourceVpcRanges: UNKNOWN })), [
                {
                    path: "link.sourceCidrBlocks[0]",
                    value: "10.20.0.0/16",
                    reason: "10.20.0.0/16 (link.sourceCidrBlocks[0], source side) overlaps 10.20.128.0/17 (destination VPC vpc-0dst0000 (looked up), destination side); traffic for the shared addresses could not be routed across the link",
                    fix: "re-address one side, or use a NAT in between; the two sides' address spaces must not overlap",
                },
            ]);
        });
        it("a source VPC's range overlapping a declared on-premises range is on the same side: fine", () => {
            assert.deepStrictEqual(check({ link: { ...PEERING, onPremCidrBlocks: ["10.20.5.0/24"] } }, { sourceVpcRanges: ["10.20.0.0/16"] }).list, []);
        });
        it("declared ranges that overlap each other are left to the input checks", () => {
            assert.deepStrictEqual(
                check({ link: { ...PEERING, destinationCidrBlocks: ["10.20.0.0/24"] }, destinationVpcRanges: [] }, { sourceVpcRanges: [] }).list,
                [],
            );
        });
        it("ranges of NetworkLink (top-level path)", () => {
            assert.deepStrictEqual(
                check({ path: "", destinationVpcRanges: ["10.0.0.0/16", "10.20.0.0/24"] }, { sourceVpcRanges: UNKNOWN }).list.map((x) => x.path),
                ["sourceCidrBlocks[0]"],
            );
        });

        // Problem.path is "Property path as the user wrote it"; the engine reads the input's value at
        // it (pulumi source_eval.go errorToMessage). When the overlap is between two looked-up ranges
        // (both VPCs' undeclared secondary CIDRs), the problem should sit at the input that named the
        // looked-up VPC, link.sourceVpcId. Currently its path is the label "source VPC vpc-0src0000 (looked up)".
        it("two looked-up secondary ranges overlapping each other are reported at a property path", () => {
            const p = check({ destinationVpcRanges: ["10.0.0.0/16", "172.16.0.0/16"] }, { sourceVpcRanges: ["10.20.0.0/16", "172.16.0.0/16"] });
            assert.deepStrictEqual(
                p.list.map((x) => [x.path, x.value]),
                [["link.sourceVpcId", "172.16.0.0/16"]],
            );
        });
    });

    describe("transit gateway across Regions", () => {
        it("without a source gateway", () => {
            assert.deepStrictEqual(
                problems(check({ link: TRANSIT, source: { account: SRC_ACCOUNT, region: "eu-west-1" } }, { destinationGateway: gateway(DST_ACCOUNT) })),
                [
                    {
                        path: "link.sourceTransitGatewayId",
                        value: undefined,
                        reason: "the source (eu-west-1) and destination (eu-west-2) are in different Regions and a transit gateway attaches VPCs of its own Region only",
                        fix: "set sourceTransitGatewayId to a transit gateway in the source Region; the component peers it with transitGatewayId",
                    },
                ],
            );
        });
        it("is not asked of peering", () => {
            assert.deepStrictEqual(check({ source: { account: SRC_ACCOUNT, region: "eu-west-1" } }).list, []);
        });
    });

    describe("gateway owners", () => {
        it("a destination gateway of a third account, not pre-shared", () => {
            assert.deepStrictEqual(problems(check({ link: TRANSIT }, { destinationGateway: gateway(HUB_ACCOUNT) })), [
                {
                    path: "link.transitGatewayId",
                    value: TGW,
                    reason: `belongs to account ${HUB_ACCOUNT}, not the destination account ${DST_ACCOUNT}, so its attachments, shares and route tables cannot be managed from here`,
                    fix: 'set transitGatewaySharing to "preShared" (the gateway is shared with both accounts by its owner)',
                },
            ]);
        });
        it("a pre-shared gateway of a third account with a route table of ours", () => {
            assert.deepStrictEqual(
                problems(
                    check(
                        { link: { ...TRANSIT, transitGatewaySharing: "preShared", transitGatewayRouteTableId: "tgw-rtb-0bbb0000" } },
                        { destinationGateway: gateway(HUB_ACCOUNT) },
                    ),
                ),
                [
                    {
                        path: "link.transitGatewayRouteTableId",
                        value: "tgw-rtb-0bbb0000",
                        reason: `the gateway's route tables belong to account ${HUB_ACCOUNT}`,
                        fix: "remove it; the gateway's owner manages its route tables",
                    },
                ],
            );
        });
        it("a source gateway of another account, whatever the sharing", () => {
            for (const sharing of ["ram", "ramOrganization", "preShared"] as const) {
                const p = check(
                    {
                        link: { ...TRANSIT, sourceTransitGatewayId: SRC_TGW, transitGatewaySharing: sharing },
                        source: { account: SRC_ACCOUNT, region: "eu-west-1" },
                    },
                    { destinationGateway: gateway(DST_ACCOUNT), sourceGateway: gateway(HUB_ACCOUNT) },
                );
                assert.deepStrictEqual(problems(p), [
                    {
                        path: "link.sourceTransitGatewayId",
                        value: SRC_TGW,
                        reason: `belongs to account ${HUB_ACCOUNT}, not the source account ${SRC_ACCOUNT}, so its attachments, shares and route tables cannot be managed from here`,
                        fix: "use a transit gateway of the source account",
                    },
                ]);
            }
        });
    });

    describe("gateway default route tables", () => {
        const fix = "set transitGatewayRouteTableId to the gateway route table the link's attachments belong in";
        const table: [string, Partial<GatewayLookup>, string][] = [
            ["default association off", { defaultAssociation: false }, "association"],
            ["no default association table", { associationTableId: "" }, "association"],
            ["default propagation off", { defaultPropagation: false }, "propagation"],
            ["no default propagation table", { propagationTableId: "" }, "propagation"],
            ["both off", { defaultAssociation: false, defaultPropagation: false }, "association"],
        ];
        for (const [name, change, which] of table) {
            it(`${name}: names the missing ${which} table`, () => {
                assert.deepStrictEqual(problems(check({ link: TRANSIT }, { destinationGateway: gateway(DST_ACCOUNT, change) })), [
                    {
                        path: "link.transitGatewayRouteTableId",
                        value: undefined,
                        reason: `transit gateway ${TGW} has no default ${which} route table, so the attachments would route nowhere`,
                        fix,
                    },
                ]);
            });
        }
        it("an explicit table makes the defaults irrelevant", () => {
            assert.deepStrictEqual(
                check(
                    { link: { ...TRANSIT, transitGatewayRouteTableId: "tgw-rtb-0bbb0000" } },
                    { destinationGateway: gateway(DST_ACCOUNT, { defaultAssociation: false, associationTableId: "" }) },
                ).list,
                [],
            );
        });
        it("the source gateway's own field", () => {
            const p = check(
                { link: { ...TRANSIT, sourceTransitGatewayId: SRC_TGW }, source: { account: SRC_ACCOUNT, region: "eu-west-1" } },
                { destinationGateway: gateway(DST_ACCOUNT), sourceGateway: gateway(SRC_ACCOUNT, { defaultPropagation: false }) },
            );
            assert.deepStrictEqual(problems(p), [
                {
                    path: "link.sourceTransitGatewayRouteTableId",
                    value: undefined,
                    reason: `transit gateway ${SRC_TGW} has no default propagation route table, so the attachments would route nowhere`,
                    fix: "set sourceTransitGatewayRouteTableId to the gateway route table the link's attachments belong in",
                },
            ]);
        });
    });

    describe("auto-accept", () => {
        const fix = "remove transitGatewayAutoAccept; the component follows the gateway's own setting";
        it("declared true, gateway does not auto-accept", () => {
            assert.deepStrictEqual(problems(check({ link: { ...TRANSIT, transitGatewayAutoAccept: true } }, { destinationGateway: gateway(DST_ACCOUNT) })), [
                { path: "link.transitGatewayAutoAccept", value: true, reason: `transit gateway ${TGW} has autoAcceptSharedAttachments disabled`, fix },
            ]);
        });
        it("declared false, gateway auto-accepts", () => {
            assert.deepStrictEqual(
                check({ link: { ...TRANSIT, transitGatewayAutoAccept: false } }, { destinationGateway: gateway(DST_ACCOUNT, { autoAccept: true }) }).list.map(
                    (x) => x.reason,
                ),
                [`transit gateway ${TGW} has autoAcceptSharedAttachments enabled`],
            );
        });
        it("agreeing or not declared: nothing", () => {
            assert.deepStrictEqual(
                check({ link: { ...TRANSIT, transitGatewayAutoAccept: true } }, { destinationGateway: gateway(DST_ACCOUNT, { autoAccept: true }) }).list,
                [],
            );
            assert.deepStrictEqual(check({ link: TRANSIT }, { destinationGateway: gateway(DST_ACCOUNT, { autoAccept: true }) }).list, []);
        });
    });

    describe("the activation subnet's route table", () => {
        it("not among the destination route tables", () => {
            assert.deepStrictEqual(problems(check({}, { activationRouteTable: "rtb-0fff0000" })), [
                {
                    path: "link.destinationRouteTableIds",
                    value: ["rtb-0dst0000", "rtb-0act0000"],
                    reason: "the activation subnet subnet-0act0000 sends its traffic by route table rtb-0fff0000, which is not listed: the endpoint's replies to the agents would not find the way back",
                    fix: "add rtb-0fff0000 to destinationRouteTableIds",
                },
            ]);
        });
        it("unknown entries in the list, or no list: nothing to compare", () => {
            assert.deepStrictEqual(
                check({ link: { ...PEERING, destinationRouteTableIds: ["rtb-0dst0000", UNKNOWN] } }, { activationRouteTable: "rtb-0fff0000" }).list,
                [],
            );
            assert.deepStrictEqual(check({ link: { ...PEERING, destinationRouteTableIds: undefined } }, { activationRouteTable: "rtb-0fff0000" }).list, []);
        });
        it("in every mode, at NetworkLink's top-level path too", () => {
            const existing: KnownLink = {
                mode: "existing",
                sourceCidrBlocks: ["10.20.0.0/16"],
                destinationCidrBlocks: ["10.0.0.0/16"],
                destinationRouteTableIds: ["rtb-0dst0000"],
                existingRouteTargetId: "vgw-0123abcd",
            };
            assert.deepStrictEqual(
                check({ path: "", link: existing }, { activationRouteTable: "rtb-0fff0000" }).list.map((x) => x.path),
                ["destinationRouteTableIds"],
            );
        });
    });

    it("gateway facts are ignored outside transit gateway mode", () => {
        assert.deepStrictEqual(
            check({ link: { ...PEERING, transitGatewayAutoAccept: true } }, { destinationGateway: gateway(HUB_ACCOUNT, { defaultAssociation: false }) }).list,
            [],
        );
    });
});
