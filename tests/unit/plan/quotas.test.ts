// plan/quotas.ts: AWS's default quotas ("Amazon VPC quotas": 60 inbound or outbound rules per
// security group, 5 groups per network interface, 50 non-propagated routes per route table, 50
// interface endpoints per VPC) and the message for a planned count over one.
import * as assert from "assert";
import { overQuota, QUOTAS } from "../../../provider/src/plan/quotas";

describe("plan/quotas", () => {
    it("the default values AWS publishes", () => {
        assert.deepStrictEqual(Object.fromEntries(Object.entries(QUOTAS).map(([k, q]) => [k, q.value])), {
            rulesPerSecurityGroup: 60,
            securityGroupsPerInterface: 5,
            routesPerRouteTable: 50,
            interfaceEndpointsPerVpc: 50,
        });
    });

    describe("overQuota", () => {
        const use = { what: "the endpoint security group's inbound rules", limit: 60, quota: "inbound or outbound rules per security group" };
        it("fits up to and including the limit", () => {
            assert.strictEqual(overQuota({ ...use, used: 0 }), undefined);
            assert.strictEqual(overQuota({ ...use, used: 60 }), undefined);
        });
        it("one over the limit is reported with the count, the limit and the quota's name", () => {
            assert.strictEqual(
                overQuota({ ...use, used: 61 }),
                "the endpoint security group's inbound rules would be 61, over AWS's quota of 60 inbound or outbound rules per security group",
            );
        });
    });
});
