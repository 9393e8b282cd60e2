// plan/routes.ts: route plans and which aws.ec2.Route argument a next hop goes into.
import * as assert from "assert";
import { planRoutes, routeTargetKind } from "../../../provider/src/plan/routes";

describe("plan/routes", () => {
    describe("planRoutes", () => {
        it("every source table gets every destination range, then every destination table every source range", () => {
            assert.deepStrictEqual(
                planRoutes({ sourceTables: 2, destinationTables: 1, sourceRanges: 3, destinationRanges: 2 }).map((r) => [r.key, r.side, r.table, r.range]),
                [
                    ["src-rt0-r0", "source", 0, 0],
                    ["src-rt0-r1", "source", 0, 1],
                    ["src-rt1-r0", "source", 1, 0],
                    ["src-rt1-r1", "source", 1, 1],
                    ["dst-rt0-r0", "destination", 0, 0],
                    ["dst-rt0-r1", "destination", 0, 1],
                    ["dst-rt0-r2", "destination", 0, 2],
                ],
            );
        });
        it("a side without tables, or with nothing to reach, gets no routes", () => {
            assert.deepStrictEqual(
                planRoutes({ sourceTables: 0, destinationTables: 2, sourceRanges: 1, destinationRanges: 5 }).map((r) => r.key),
                ["dst-rt0-r0", "dst-rt1-r0"],
            );
            assert.deepStrictEqual(planRoutes({ sourceTables: 3, destinationTables: 3, sourceRanges: 0, destinationRanges: 0 }), []);
        });
        it("keys stay unique with ten or more tables and ranges", () => {
            const keys = planRoutes({ sourceTables: 12, destinationTables: 12, sourceRanges: 12, destinationRanges: 12 }).map((r) => r.key);
            assert.strictEqual(keys.length, 288);
            assert.strictEqual(new Set(keys).size, 288);
        });
    });

    describe("routeTargetKind", () => {
        // @pulumi/aws ec2/route.d.ts: gatewayId "Identifier of a VPC internet gateway or a virtual private
        // gateway", transitGatewayId "Identifier of an EC2 Transit Gateway", networkInterfaceId,
        // vpcPeeringConnectionId.
        const table: [string, string | undefined][] = [
            ["vgw-0123456789abcdef0", "gatewayId"],
            ["tgw-0123456789abcdef0", "transitGatewayId"],
            ["eni-0123abcd", "networkInterfaceId"],
            ["pcx-0123456789abcdef0", "vpcPeeringConnectionId"],
            ["igw-0123456789abcdef0", undefined],
            ["nat-0123456789abcdef0", undefined],
            ["vpce-0123456789abcdef0", undefined],
            ["rtb-0123456789abcdef0", undefined],
            ["TGW-0123456789abcdef0", undefined],
            ["", undefined],
            // A transit gateway route table ID is not a transit gateway (ids.ts tells tgw-rtb- from
            // tgw-, and names the wrong kind in the right field as the commonest copy-paste mistake), and
            // transitGatewayId is "Identifier of an EC2 Transit Gateway". Currently "transitGatewayId".
            ["tgw-rtb-0123456789abcdef0", undefined],
        ];
        for (const [id, kind] of table) {
            it(`${JSON.stringify(id)} -> ${kind}`, () => assert.strictEqual(routeTargetKind(id), kind));
        }
    });
});
