// plan/securityGroups.ts: the exact rules of the endpoint's and the agents' security groups, and
// the stability of their keys (a key is a Pulumi resource name: a changed key replaces the rule,
// and EC2 refuses the new one while the old is still there, InvalidPermission.Duplicate).
import * as assert from "assert";
import * as fc from "fast-check";
import { planEndpointPeers } from "../../../provider/src/plan/endpointIngress";
import { AgentGroupCounts, planAgentRules, planEndpointRules, PlannedRule, StorageFlow } from "../../../provider/src/plan/securityGroups";

type Row = [key: string, direction: string, peer: string, protocol: string, from: number, to: number];

function rows<P>(rules: PlannedRule<P>[], peer: (p: P) => string): Row[] {
    return rules.map((r) => [r.key, r.direction, peer(r.peer), r.port.protocol, r.port.fromPort, r.port.toPort]);
}

const agentPeer = (p: { kind: string; index?: number }) => (p.index === undefined ? p.kind : `${p.kind}#${p.index}`);

describe("plan/securityGroups", () => {
    describe("planEndpointRules", () => {
        // AWS DataSync network requirements (VPC endpoints): agent to endpoint on TCP 443 and
        // 1024-1064; TCP 22 only for the AWS Support channel.
        it("each peer in on 443 and 1024-1064, in peer order, ingress only", () => {
            assert.deepStrictEqual(
                rows(planEndpointRules([{ key: "s0" }, { key: "agent-a" }], false), (p) => p.key),
                [
                    ["in-s0-443", "ingress", "s0", "tcp", 443, 443],
                    ["in-s0-1024-1064", "ingress", "s0", "tcp", 1024, 1064],
                    ["in-agent-a-443", "ingress", "agent-a", "tcp", 443, 443],
                    ["in-agent-a-1024-1064", "ingress", "agent-a", "tcp", 1024, 1064],
                ],
            );
        });
        it("adds 22 per peer with the support channel", () => {
            assert.deepStrictEqual(
                rows(planEndpointRules([{ key: "agents" }], true), (p) => p.key),
                [
                    ["in-agents-443", "ingress", "agents", "tcp", 443, 443],
                    ["in-agents-1024-1064", "ingress", "agents", "tcp", 1024, 1064],
                    ["in-agents-22", "ingress", "agents", "tcp", 22, 22],
                ],
            );
        });
        it("carries the caller's peer object through untouched", () => {
            const peer = { key: "x", cidr: "10.0.0.0/24" };
            assert.ok(planEndpointRules([peer], false).every((r) => r.peer === peer));
        });
        it("no peers, no rules", () => assert.deepStrictEqual(planEndpointRules([], true), []));
    });

    describe("planAgentRules", () => {
        const none: AgentGroupCounts = { activationSources: 0, taskCidrs: 0, storage: [], dnsServers: 0, supportChannel: false };

        it("with nothing declared: only the endpoint flows out, nothing in", () => {
            assert.deepStrictEqual(rows(planAgentRules(none), agentPeer), [
                ["out-endpoint-443", "egress", "endpointIp", "tcp", 443, 443],
                ["out-endpoint-1024-1064", "egress", "endpointIp", "tcp", 1024, 1064],
            ]);
        });

        it("every kind of flow, in a fixed order, with exact keys and ports", () => {
            const storage: StorageFlow[] = [
                { protocol: "tcp", fromPort: 2049, toPort: 2049 },
                { protocol: "tcp", fromPort: 139, toPort: 139 },
                { protocol: "udp", fromPort: 111, toPort: 111 },
            ];
            assert.deepStrictEqual(rows(planAgentRules({ activationSources: 2, taskCidrs: 2, storage, dnsServers: 2, supportChannel: true }), agentPeer), [
                ["in-activation0-80", "ingress", "activationSource#0", "tcp", 80, 80],
                ["in-activation1-80", "ingress", "activationSource#1", "tcp", 80, 80],
                ["out-endpoint-443", "egress", "endpointIp", "tcp", 443, 443],
                ["out-endpoint-1024-1064", "egress", "endpointIp", "tcp", 1024, 1064],
                ["out-endpoint-22", "egress", "endpointIp", "tcp", 22, 22],
                ["out-tasks0-443", "egress", "taskCidr#0", "tcp", 443, 443],
                ["out-tasks1-443", "egress", "taskCidr#1", "tcp", 443, 443],
                ["out-storage0-tcp2049", "egress", "storage#0", "tcp", 2049, 2049],
                ["out-storage1-tcp139", "egress", "storage#1", "tcp", 139, 139],
                ["out-storage2-udp111", "egress", "storage#2", "udp", 111, 111],
                ["out-dns0-udp53", "egress", "dnsServer#0", "udp", 53, 53],
                ["out-dns0-tcp53", "egress", "dnsServer#0", "tcp", 53, 53],
                ["out-dns1-udp53", "egress", "dnsServer#1", "udp", 53, 53],
                ["out-dns1-tcp53", "egress", "dnsServer#1", "tcp", 53, 53],
            ]);
        });

        it("a storage port range shows as from-to in its key", () => {
            const [rule] = planAgentRules({ ...none, storage: [{ protocol: "tcp", fromPort: 50010, toPort: 50020 }] }).filter((r) => r.peer.kind === "storage");
            assert.deepStrictEqual(
                [rule.key, rule.port.fromPort, rule.port.toPort, rule.port.purpose],
                ["out-storage0-tcp50010-50020", 50010, 50020, "agent to its storage"],
            );
        });

        it("port 80 is open only from the activation sources, and nothing else comes in", () => {
            const rules = planAgentRules({
                activationSources: 3,
                taskCidrs: 1,
                storage: [{ protocol: "tcp", fromPort: 443, toPort: 443 }],
                dnsServers: 1,
                supportChannel: true,
            });
            const ingress = rules.filter((r) => r.direction === "ingress");
            assert.deepStrictEqual(
                ingress.map((r) => [agentPeer(r.peer), r.port.fromPort, r.port.toPort]),
                [
                    ["activationSource#0", 80, 80],
                    ["activationSource#1", 80, 80],
                    ["activationSource#2", 80, 80],
                ],
            );
            assert.ok(!rules.some((r) => r.port.fromPort === 22 && r.direction === "ingress"));
        });
    });

    describe("properties", () => {
        const counts: fc.Arbitrary<AgentGroupCounts> = fc.record({
            activationSources: fc.nat({ max: 6 }),
            taskCidrs: fc.nat({ max: 6 }),
            storage: fc.array(
                fc
                    .record({ protocol: fc.constantFrom<"tcp" | "udp">("tcp", "udp"), fromPort: fc.integer({ min: 1, max: 65535 }), span: fc.nat({ max: 50 }) })
                    .map((s) => ({
                        protocol: s.protocol,
                        fromPort: s.fromPort,
                        toPort: Math.min(65535, s.fromPort + s.span),
                    })),
                { maxLength: 6 },
            ),
            dnsServers: fc.nat({ max: 4 }),
            supportChannel: fc.boolean(),
        });

        it("planAgentRules: keys are unique and there is one rule per flow", () => {
            fc.assert(
                fc.property(counts, (c) => {
                    const rules = planAgentRules(c);
                    const expected = c.activationSources + (c.supportChannel ? 3 : 2) + c.taskCidrs + c.storage.length + 2 * c.dnsServers;
                    return rules.length === expected && new Set(rules.map((r) => r.key)).size === rules.length;
                }),
            );
        });

        it("planAgentRules: appending to any list keeps every existing rule as it was", () => {
            const grow = fc.tuple(counts, fc.constantFrom("activationSources", "taskCidrs", "storage", "dnsServers"));
            fc.assert(
                fc.property(grow, ([c, field]) => {
                    const more: AgentGroupCounts =
                        field === "storage"
                            ? { ...c, storage: [...c.storage, { protocol: "tcp", fromPort: 445, toPort: 445 }] }
                            : { ...c, [field]: (c[field as "taskCidrs"] as number) + 1 };
                    const after = new Map(planAgentRules(more).map((r) => [r.key, r]));
                    for (const r of planAgentRules(c)) {
                        assert.deepStrictEqual(after.get(r.key), r);
                    }
                    assert.ok(after.size > planAgentRules(c).length);
                }),
            );
        });

        it("planEndpointRules: keys are unique for unique peer keys", () => {
            fc.assert(
                fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 12 }), fc.boolean(), (keys, support) => {
                    const rules = planEndpointRules(
                        keys.map((key) => ({ key })),
                        support,
                    );
                    return rules.length === keys.length * (support ? 3 : 2) && new Set(rules.map((r) => r.key)).size === rules.length;
                }),
            );
        });

        // A fleet: unique agent names as CreateAgent accepts them, each launched (EC2) or an existing VM.
        const fleet = fc.uniqueArray(fc.record({ name: fc.stringMatching(/^[a-zA-Z0-9._:@/+=-]{1,10}$/), launched: fc.boolean() }), {
            selector: (a) => a.name,
            minLength: 1,
            maxLength: 10,
        });

        function agentRules(agents: { name: string; launched: boolean }[], groupReference: boolean, support: boolean) {
            const peers = planEndpointPeers({ scope: "agentAddresses", agents, groupReference, sourceRanges: 2 });
            return planEndpointRules(peers, support);
        }

        it("endpoint rules of one agent do not change when another agent is added or removed", () => {
            fc.assert(
                fc.property(fleet, fc.nat(), fc.boolean(), fc.boolean(), (agents, pick, groupReference, support) => {
                    const gone = agents[pick % agents.length];
                    const rest = agents.filter((a) => a !== gone);
                    const full = agentRules(agents, groupReference, support);
                    const fewer = agentRules(rest, groupReference, support);
                    const byKey = (rules: typeof full) => new Map(rules.filter((r) => r.peer.kind === "agentAddress").map((r) => [r.key, r]));
                    const fullByKey = byKey(full);
                    const fewerByKey = byKey(fewer);
                    // Removing `gone` (or adding it back) leaves every other agent's rules identical...
                    for (const [key, rule] of fewerByKey) {
                        assert.deepStrictEqual(fullByKey.get(key), rule);
                    }
                    // ...and touches only `gone`'s own address rules.
                    const dropped = [...fullByKey.keys()].filter((k) => !fewerByKey.has(k));
                    assert.ok(dropped.every((k) => (fullByKey.get(k)!.peer as { agent: string }).agent === gone.name));
                    // The shared group rule stays while any launched agent remains.
                    const groupKeys = (rules: typeof full) => rules.filter((r) => r.peer.kind === "agentGroup").map((r) => r.key);
                    if (rest.some((a) => a.launched)) {
                        assert.deepStrictEqual(groupKeys(fewer), groupKeys(full));
                    }
                }),
            );
        });

        it("endpoint rule keys of a fleet are unique", () => {
            fc.assert(
                fc.property(fleet, fc.boolean(), fc.boolean(), (agents, groupReference, support) => {
                    const keys = agentRules(agents, groupReference, support).map((r) => r.key);
                    return new Set(keys).size === keys.length;
                }),
            );
        });
    });
});
