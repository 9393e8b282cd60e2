// plan/validate/routeTables.ts: the link's route tables against what they hold now. AWS's quota:
// "Routes per route table (non-propagated routes)", 50 ("Amazon VPC quotas"); CreateRoute past it
// fails with RouteLimitExceeded (EC2 API error codes), after the peering or attachment exists.
import * as assert from "assert";
import * as fc from "fast-check";
import { UNKNOWN } from "../../../../provider/src/plan/known";
import { Problems } from "../../../../provider/src/plan/problems";
import { checkLinkFacts } from "../../../../provider/src/plan/validate/deployLink";
import type { KnownLink } from "../../../../provider/src/plan/validate/link";
import { checkRouteTables, RouteTableFacts } from "../../../../provider/src/plan/validate/routeTables";

const LINK: KnownLink = {
    mode: "peering",
    sourceCidrBlocks: ["10.20.0.0/16"],
    destinationCidrBlocks: ["10.0.0.0/16", "10.1.0.0/16"],
    sourceVpcId: "vpc-0src0000",
    sourceRouteTableIds: ["rtb-0src0000"],
    destinationRouteTableIds: ["rtb-0dst0000", "rtb-0act0000"],
};

/** `n` routes to ranges this link does not route. */
const others = (n: number): string[] => Array.from({ length: n }, (_, i) => `172.16.${i}.0/24`);

function check(tables: RouteTableFacts | undefined, link: KnownLink = LINK): Problems {
    const p = new Problems();
    checkRouteTables(p, "link", link, tables);
    return p;
}

const problems = (p: Problems) => p.list.map(({ path, value, reason, fix }) => ({ path, value, reason, fix }));
const FIX = "summarize the ranges into fewer CIDR blocks, remove unused routes from the table, or list another route table";

describe("plan/validate/routeTables checkRouteTables", () => {
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
        const full = [...others(48), "10.0.0.0/16", "10.1.0.0/16"];
        assert.deepStrictEqual(check({ source: [full], destination: [[], []] }).list, []);
        assert.deepStrictEqual(check({ source: [[...full, "172.31.0.0/24"]], destination: [[], []] }).list.length, 1);
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

    it("a table not looked up (preview): the link's own routes alone are counted", () => {
        const many = Array.from({ length: 51 }, (_, i) => `10.${100 + i}.0.0/16`);
        assert.deepStrictEqual(check({ source: [UNKNOWN], destination: [UNKNOWN, UNKNOWN] }).list, []);
        assert.deepStrictEqual(
            check({ source: [UNKNOWN], destination: [UNKNOWN, UNKNOWN] }, { ...LINK, destinationCidrBlocks: many }).list.map((x) => x.reason),
            ["the routes in rtb-0src0000 (0 already there, 51 this link adds) would be 51, over AWS's quota of 50 routes per route table (non-propagated)"],
        );
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

    it("refused exactly when the table would hold more than 50 routes", () => {
        fc.assert(
            fc.property(fc.nat({ max: 60 }), fc.nat({ max: 3 }), fc.nat({ max: 2 }), (held, routed, alreadyOurs) => {
                const ranges = Array.from({ length: routed }, (_, i) => `10.${i}.0.0/16`);
                const table = [...others(held), ...ranges.slice(0, Math.min(alreadyOurs, routed))];
                const refused = check({ source: [table], destination: [[], []] }, { ...LINK, destinationCidrBlocks: ranges }).list.length === 1;
                return refused === held + routed > 50;
            }),
        );
    });
});
