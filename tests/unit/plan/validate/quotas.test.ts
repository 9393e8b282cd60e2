// plan/validate/quotas.ts: a fleet's planned rules against AWS's default quotas
// ("Amazon VPC quotas": 60 inbound or outbound rules per security group, 5 security groups per
// network interface), before anything is built. Routes per table: routeTables.test.ts.
import * as assert from "assert";
import * as fc from "fast-check";
import { Problems } from "../../../../provider/src/plan/problems";
import { planAgentRules, planEndpointRules } from "../../../../provider/src/plan/securityGroups";
import { checkFleetQuotas, FleetQuotaInputs } from "../../../../provider/src/plan/validate/quotas";

const BASE: FleetQuotaInputs = {
    endpointPeers: 1,
    supportChannel: false,
    ruleQuota: 60,
    ruleQuotaPath: "securityGroupRuleQuota",
    agentGroup: { activationSources: 1, taskCidrs: 1, storage: 0, dnsServers: 0 },
    extraGroups: [],
};

function check(q: Partial<FleetQuotaInputs>): Problems {
    const p = new Problems();
    checkFleetQuotas(p, { ...BASE, ...q });
    return p;
}

const problems = (p: Problems) => p.list.map(({ path, value, reason, fix }) => ({ path, value, reason, fix }));
const RULES = "over AWS's quota of 60 inbound or outbound rules per security group";

describe("plan/validate/quotas checkFleetQuotas", () => {
    it("a fleet within every quota: nothing", () => {
        assert.deepStrictEqual(
            check({
                endpointPeers: 30,
                agentGroup: { activationSources: 60, taskCidrs: 1, storage: 49, dnsServers: 4 },
                extraGroups: [{ path: "agents[0]", count: 4 }],
            }).list,
            [],
        );
    });

    describe("the endpoint group's inbound rules", () => {
        const fix =
            'set ingressScope to "sourceRanges" to admit the fleet by its declared ranges, or raise the quota in Service Quotas and set securityGroupRuleQuota';
        it("31 peers x 2 ports", () => {
            assert.deepStrictEqual(problems(check({ endpointPeers: 31 })), [
                { path: "ingressScope", value: 31, reason: `the endpoint security group's inbound rules (31 peers x 2 ports) would be 62, ${RULES}`, fix },
            ]);
        });
        it("with the support channel, 3 ports per peer: 20 fit, 21 do not", () => {
            assert.deepStrictEqual(check({ endpointPeers: 20, supportChannel: true }).list, []);
            assert.deepStrictEqual(
                check({ endpointPeers: 21, supportChannel: true }).list.map((x) => x.reason),
                [`the endpoint security group's inbound rules (21 peers x 3 ports) would be 63, ${RULES}`],
            );
        });
        it("a raised quota", () => {
            assert.deepStrictEqual(check({ endpointPeers: 31, ruleQuota: 100 }).list, []);
            assert.deepStrictEqual(
                check({ endpointPeers: 51, ruleQuota: 100, ruleQuotaPath: "fleet.securityGroupRuleQuota" }).list.map((x) => [x.reason, x.fix]),
                [
                    [
                        "the endpoint security group's inbound rules (51 peers x 2 ports) would be 102, over AWS's quota of 100 inbound or outbound rules per security group",
                        'set ingressScope to "sourceRanges" to admit the fleet by its declared ranges, or raise the quota in Service Quotas and set fleet.securityGroupRuleQuota',
                    ],
                ],
            );
        });
    });

    describe("the agents' group", () => {
        it("61 activation sources", () => {
            assert.deepStrictEqual(problems(check({ agentGroup: { activationSources: 61, taskCidrs: 1, storage: 0, dnsServers: 0 } })), [
                {
                    path: "activationSourceCidrs",
                    value: 61,
                    reason: `the agents' security group's inbound rules would be 61, ${RULES}`,
                    fix: "list fewer activation sources (ranges instead of hosts)",
                },
            ]);
        });
        it("61 outbound rules: 2 endpoint ports, 1 task range, 50 storage flows, 4 DNS servers x 2", () => {
            assert.deepStrictEqual(problems(check({ agentGroup: { activationSources: 1, taskCidrs: 1, storage: 50, dnsServers: 4 } })), [
                {
                    path: "storageEgress",
                    value: 61,
                    reason: `the agents' security group's outbound rules would be 61, ${RULES}`,
                    fix: "merge storage flows into fewer ranges, or attach a group of your own with instance.extraSecurityGroupIds",
                },
            ]);
        });
        it("the support channel's port counts outbound", () => {
            assert.deepStrictEqual(check({ supportChannel: true, agentGroup: { activationSources: 1, taskCidrs: 1, storage: 48, dnsServers: 4 } }).list, []);
            assert.deepStrictEqual(
                check({ supportChannel: true, agentGroup: { activationSources: 1, taskCidrs: 1, storage: 49, dnsServers: 4 } }).list.map((x) => x.value),
                [61],
            );
        });
        it("no EC2 agents, no agents' group to check", () => {
            assert.deepStrictEqual(check({ agentGroup: undefined }).list, []);
        });
    });

    it("security groups per agent interface: its own and at most 4 extra", () => {
        assert.deepStrictEqual(
            problems(
                check({
                    extraGroups: [
                        { path: "agents[0]", count: 4 },
                        { path: "agents[1]", count: 5 },
                    ],
                }),
            ),
            [
                {
                    path: "agents[1].instance.extraSecurityGroupIds",
                    value: 5,
                    reason: "the agent's security groups (its own and the extra ones) would be 6, over AWS's quota of 5 security groups per network interface",
                    fix: "attach at most 4 extra groups",
                },
            ],
        );
    });

    // The counts the check uses must be the rules the planners make: a quota problem exactly when
    // the planned group would cross the quota.
    it("agrees with planAgentRules and planEndpointRules on every count", () => {
        const inputs = fc.record({
            peers: fc.nat({ max: 40 }),
            activationSources: fc.nat({ max: 70 }),
            taskCidrs: fc.nat({ max: 20 }),
            storage: fc.nat({ max: 50 }),
            dnsServers: fc.nat({ max: 10 }),
            supportChannel: fc.boolean(),
            ruleQuota: fc.integer({ min: 1, max: 120 }),
        });
        fc.assert(
            fc.property(inputs, (i) => {
                const p = check({
                    endpointPeers: i.peers,
                    supportChannel: i.supportChannel,
                    ruleQuota: i.ruleQuota,
                    agentGroup: { activationSources: i.activationSources, taskCidrs: i.taskCidrs, storage: i.storage, dnsServers: i.dnsServers },
                });
                const agentRules = planAgentRules({
                    activationSources: i.activationSources,
                    taskCidrs: i.taskCidrs,
                    storage: Array.from({ length: i.storage }, () => ({ protocol: "tcp" as const, fromPort: 2049, toPort: 2049 })),
                    dnsServers: i.dnsServers,
                    supportChannel: i.supportChannel,
                });
                const endpointRules = planEndpointRules(
                    Array.from({ length: i.peers }, (_, k) => ({ key: `p${k}` })),
                    i.supportChannel,
                );
                const paths = p.list.map((x) => x.path);
                assert.strictEqual(paths.includes("ingressScope"), endpointRules.length > i.ruleQuota, "endpoint inbound");
                assert.strictEqual(
                    paths.includes("activationSourceCidrs"),
                    agentRules.filter((r) => r.direction === "ingress").length > i.ruleQuota,
                    "agents inbound",
                );
                assert.strictEqual(paths.includes("storageEgress"), agentRules.filter((r) => r.direction === "egress").length > i.ruleQuota, "agents outbound");
            }),
        );
    });
});
