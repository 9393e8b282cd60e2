// plan/validate/routeTables.ts: the link's route tables against what they hold now. AWS's quota:
// "Routes per route table (non-propagated routes)", 50 ("Amazon VPC quotas"); CreateRoute past it
// fails with RouteLimitExceeded, and to a destination the table already has with RouteAlreadyExists
// (EC2 API error codes; TF internal/service/ec2/vpc_route.go checks the latter before creating).
import * as assert from "assert";
import * as fc from "fast-check";
import { UNKNOWN } from "../../../../provider/src/plan/known";
import { Problems } from "../../../../provider/src/plan/problems";
import { checkLinkFacts } from "../../../../provider/src/plan/validate/deployLink";
import type { KnownLink } from "../../../../provider/src/plan/validate/link";
import { checkRouteTables, ExistingRoute, RouteTableFacts } from "../../../../provider/src/plan/validate/routeTables";

const TGW = "tgw-0123456789abcdef0";
const SRC_TGW = "tgw-0fedcba9876543210";
const VGW = "vgw-0a00000000000000b";
const OLD_PCX = "pcx-0aaa000000000000a";

const LINK: KnownLink = {
    mode: "peering",
    sourceCidrBlocks: ["10.20.0.0/16"],
    destinationCidrBlocks: ["10.0.0.0/16", "10.1.0.0/16"],
    sourceVpcId: "vpc-0src0000",
    sourceRouteTableIds: ["rtb-0src0000"],
    destinationRouteTableIds: ["rtb-0dst0000", "rtb-0act0000"],
};
const TRANSIT: KnownLink = { ...LINK, mode: "transitGateway", transitGatewayId: TGW };
const EXISTING: KnownLink = { ...LINK, mode: "existing", existingRouteTargetId: VGW, sourceVpcId: undefined, sourceRouteTableIds: undefined };

/** `n` routes to ranges this link does not route, over a VPN gateway. */
const others = (n: number): ExistingRoute[] => Array.from({ length: n }, (_, i) => ({ destination: `172.16.${i}.0/24`, target: VGW }));
const route = (destination: string, target: string): ExistingRoute => ({ destination, target });

function check(tables: RouteTableFacts | undefined, link: KnownLink = LINK): Problems {
    const p = new Problems();
    checkRouteTables(p, "link", link, tables);
    return p;
}

const problems = (p: Problems) => p.list.map(({ path, value, reason, fix }) => ({ path, value, reason, fix }));
const FIX = "summarize the ranges into fewer CIDR blocks, remove unused routes from the table, or list another route table";

describe("plan/validate/routeTables checkRouteTables", () => {
    describe("the route quota", () => {
        it("tables with room: nothing", () => {
            assert.deepStrictEqual(check({ source: [others(48)], destination: [others(49), []] }).list, []);
        });

        it("a source table with 49 other routes cannot take the link's 2", () => {
            assert.deepStrictEqual(problems(check({ source: [others(49)], destination: [[], []] })), [
                {
                    path: "link.sourceRouteTableIds[0]",
                    value: "rtb-0src0000",
                    reason: "the routes in rtb-0src0000 (49 already there, 2 this link adds) would be 51, over AWS's quota of 50 routes per route table (non-propagated)",
                    fix: FIX,
                },
            ]);
        });

        it("the second destination table full: reported under its own index", () => {
            assert.deepStrictEqual(
                check({ source: [[]], destination: [others(10), others(50)] }).list.map((x) => x.path),
                ["link.destinationRouteTableIds[1]"],
            );
        });

        it("the link's own routes from an earlier deployment count once (a second up is not refused)", () => {
            const full = [...others(48), route("10.0.0.0/16", OLD_PCX), route("10.1.0.0/16", OLD_PCX)];
            assert.deepStrictEqual(check({ source: [full], destination: [[], []] }).list, []);
            assert.deepStrictEqual(check({ source: [[...full, route("172.31.0.0/24", VGW)]], destination: [[], []] }).list.length, 1);
        });

        it("a table not looked up (preview): the link's own routes alone are counted", () => {
            const many = Array.from({ length: 51 }, (_, i) => `10.${100 + i}.0.0/16`);
            assert.deepStrictEqual(check({ source: [UNKNOWN], destination: [UNKNOWN, UNKNOWN] }).list, []);
            assert.deepStrictEqual(
                check({ source: [UNKNOWN], destination: [UNKNOWN, UNKNOWN] }, { ...LINK, destinationCidrBlocks: many }).list.map((x) => x.reason),
                ["the routes in rtb-0src0000 (0 already there, 51 this link adds) would be 51, over AWS's quota of 50 routes per route table (non-propagated)"],
            );
        });

        it("refused exactly when the table would hold more than 50 routes", () => {
            fc.assert(
                fc.property(fc.nat({ max: 60 }), fc.nat({ max: 3 }), fc.nat({ max: 2 }), (held, routed, alreadyOurs) => {
                    const ranges = Array.from({ length: routed }, (_, i) => `10.${i}.0.0/16`);
                    const table = [...others(held), ...ranges.slice(0, Math.min(alreadyOurs, routed)).map((r) => route(r, OLD_PCX))];
                    const refused = check({ source: [table], destination: [[], []] }, { ...LINK, destinationCidrBlocks: ranges }).list.length === 1;
                    return refused === held + routed > 50;
                }),
            );
        });
    });

    describe("a range the table already routes elsewhere (RouteAlreadyExists)", () => {
        it("peering: a route to the link's range over a VPN gateway is refused; over a peering connection it is the link's own", () => {
            assert.deepStrictEqual(problems(check({ source: [[route("10.1.0.0/16", VGW)]], destination: [[], []] })), [
                {
                    path: "link.sourceRouteTableIds[0]",
                    value: "rtb-0src0000",
                    reason: `rtb-0src0000 already routes 10.1.0.0/16 to ${VGW}, so CreateRoute for the link's route would fail with RouteAlreadyExists`,
                    fix: "remove that route from rtb-0src0000, or leave the table out of the link and route the range yourself",
                },
            ]);
            assert.deepStrictEqual(check({ source: [[route("10.1.0.0/16", OLD_PCX)]], destination: [[], []] }).list, []);
        });

        it("transit gateway: only the link's gateway on each side is its own (the source side's own gateway across Regions)", () => {
            assert.deepStrictEqual(check({ source: [[route("10.0.0.0/16", TGW)]], destination: [[route("10.20.0.0/16", TGW)], []] }, TRANSIT).list, []);
            assert.deepStrictEqual(
                check({ source: [[route("10.0.0.0/16", OLD_PCX)]], destination: [[], [route("10.20.0.0/16", SRC_TGW)]] }, TRANSIT).list.map((x) => x.path),
                ["link.sourceRouteTableIds[0]", "link.destinationRouteTableIds[1]"],
            );
            const crossRegion = { ...TRANSIT, sourceTransitGatewayId: SRC_TGW };
            assert.deepStrictEqual(check({ source: [[route("10.0.0.0/16", SRC_TGW)]], destination: [[route("10.20.0.0/16", TGW)], []] }, crossRegion).list, []);
            assert.deepStrictEqual(check({ source: [[route("10.0.0.0/16", TGW)]], destination: [[], []] }, crossRegion).list.length, 1);
        });

        it("existing link: the named next hop is its own; the source side's tables are not routed, so not checked", () => {
            const withSource = { ...EXISTING, sourceRouteTableIds: ["rtb-0src0000"] };
            assert.deepStrictEqual(check({ source: [others(60)], destination: [[route("10.20.0.0/16", VGW)], []] }, withSource).list, []);
            assert.deepStrictEqual(
                check({ source: [], destination: [[route("10.20.0.0/16", "tgw-0999999999999999a")], []] }, EXISTING).list.map((x) => x.path),
                ["link.destinationRouteTableIds[0]"],
            );
        });

        it("a next hop not known yet (an Output): nothing claimed", () => {
            assert.deepStrictEqual(
                check({ source: [], destination: [[route("10.20.0.0/16", VGW)], []] }, { ...EXISTING, existingRouteTargetId: UNKNOWN }).list,
                [],
            );
        });
    });

    it("a table AWS does not know: reported as missing on its side", () => {
        assert.deepStrictEqual(problems(check({ source: [{ missing: "rtb-0src0000" }], destination: [[], []] })), [
            {
                path: "link.sourceRouteTableIds[0]",
                value: "rtb-0src0000",
                reason: "no such route table in the source side's account and Region",
                fix: "check the ID, and that the route table belongs to the source side (its account and Region)",
            },
        ]);
    });

    it("an unknown table ID is skipped; no route tables looked up (existing mode without a target): nothing", () => {
        assert.deepStrictEqual(
            check({ source: [[]], destination: [others(60), []] }, { ...LINK, destinationRouteTableIds: [UNKNOWN, "rtb-0act0000"] }).list,
            [],
        );
        assert.deepStrictEqual(check(undefined).list, []);
    });

    it("checkLinkFacts reports it", () => {
        const p = new Problems();
        checkLinkFacts(
            p,
            {
                path: "link",
                link: LINK,
                destinationVpcIdPath: "vpcId",
                destinationVpcRanges: ["10.0.0.0/16"],
                source: { account: "111111111111", region: "eu-west-2" },
                destination: { account: "111111111111", region: "eu-west-2" },
            },
            { sourceVpcRanges: ["10.20.0.0/16"], routeTables: { source: [others(49)], destination: [[], []] } },
        );
        assert.deepStrictEqual(
            p.list.map((x) => x.path),
            ["link.sourceRouteTableIds[0]"],
        );
    });
});
