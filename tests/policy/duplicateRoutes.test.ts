import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { noDuplicateRoutes } from "../../policy/policies";
import { check, ref, StackFixture } from "./fixtures";

const TABLE = "rtb-0a1b2c3d4e5f60718";

describe("policy 14: aws-route-duplicate", () => {
    it("passes one route per destination and table", async () => {
        const s = new StackFixture();
        s.add(TYPES.route, "a", { routeTableId: TABLE, destinationCidrBlock: "10.0.0.0/16", vpcPeeringConnectionId: "pcx-0a1b2c3d4e5f60718" });
        s.add(TYPES.route, "b", { routeTableId: TABLE, destinationCidrBlock: "10.20.0.0/16", vpcPeeringConnectionId: "pcx-0a1b2c3d4e5f60718" });
        s.add(TYPES.route, "c", { routeTableId: "rtb-0fedcba9876543210", destinationCidrBlock: "10.0.0.0/16", transitGatewayId: "tgw-0a1b2c3d4e5f60718" });
        const o = await check(noDuplicateRoutes, s.resources);
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags a second route to the same destination in the same table, whatever its target", async () => {
        const s = new StackFixture();
        s.add(TYPES.route, "peering", { routeTableId: TABLE, destinationCidrBlock: "10.0.0.0/16", vpcPeeringConnectionId: "pcx-0a1b2c3d4e5f60718" });
        const second = s.add(TYPES.route, "tgw", { routeTableId: TABLE, destinationCidrBlock: "10.0.0.0/16", transitGatewayId: "tgw-0a1b2c3d4e5f60718" });
        const o = await check(noDuplicateRoutes, s.resources);
        assert.deepStrictEqual(o.violations, [
            {
                message:
                    `aws.ec2.Route "tgw" routes 10.0.0.0/16 in route table ${TABLE}, which aws.ec2.Route "peering" already routes: EC2 refuses the second (RouteAlreadyExists). ` +
                    "Keep one route per destination and table.",
                urn: second.urn,
            },
        ]);
    });

    it("matches a table in the stack by reference, also at preview, and IPv6 and prefix-list destinations", async () => {
        for (const preview of [false, true]) {
            const s = new StackFixture({ preview });
            const table = s.add(TYPES.routeTable, "main", { vpcId: "vpc-0a1b2c3d4e5f60718" });
            s.add(TYPES.route, "v6-a", { routeTableId: ref(table), destinationIpv6CidrBlock: "2001:DB8::/56", egressOnlyGatewayId: "eigw-0a1b2c3d4e5f60718" });
            s.add(TYPES.route, "v6-b", { routeTableId: ref(table), destinationIpv6CidrBlock: "2001:db8::/56", egressOnlyGatewayId: "eigw-0a1b2c3d4e5f60718" });
            s.add(TYPES.route, "pl-a", {
                routeTableId: ref(table),
                destinationPrefixListId: "pl-0a1b2c3d4e5f60718",
                transitGatewayId: "tgw-0a1b2c3d4e5f60718",
            });
            s.add(TYPES.route, "pl-b", {
                routeTableId: ref(table),
                destinationPrefixListId: "pl-0a1b2c3d4e5f60718",
                transitGatewayId: "tgw-0a1b2c3d4e5f60718",
            });
            const o = await check(noDuplicateRoutes, s.resources);
            assert.deepStrictEqual(
                o.violations.map((v) => v.urn?.split("::").pop()),
                ["v6-b", "pl-b"],
                `preview=${preview}`,
            );
            assert.match(o.messages[0], /routes 2001:db8::\/56 in route table aws\.ec2\.RouteTable "main"/);
        }
    });

    it("is not applicable with fewer than two routes", async () => {
        const s = new StackFixture();
        s.add(TYPES.route, "a", { routeTableId: TABLE, destinationCidrBlock: "10.0.0.0/16" });
        assert.match((await check(noDuplicateRoutes, s.resources)).notApplicable ?? "", /fewer than two/);
    });
});
