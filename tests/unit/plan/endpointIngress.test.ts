// plan/endpointIngress.ts: who the endpoint's group admits, for each scope and reference case.
import * as assert from "assert";
import { IngressAgent, planEndpointPeers } from "../../../provider/src/plan/endpointIngress";

const ec2 = (name: string): IngressAgent => ({ name, launched: true });
const vm = (name: string): IngressAgent => ({ name, launched: false });

describe("plan/endpointIngress", () => {
    describe("scope agentAddresses", () => {
        it("with a group reference: one group peer for all EC2 agents, existing VMs by address", () => {
            assert.deepStrictEqual(
                planEndpointPeers({ scope: "agentAddresses", agents: [ec2("a"), vm("b"), ec2("c"), vm("d")], groupReference: true, sourceRanges: 3 }),
                [
                    { key: "agents", kind: "agentGroup" },
                    { key: "agent-b", kind: "agentAddress", agent: "b" },
                    { key: "agent-d", kind: "agentAddress", agent: "d" },
                ],
            );
        });

        it("without a group reference (cross-Region peering, transit gateway, VPN): every agent by address", () => {
            assert.deepStrictEqual(planEndpointPeers({ scope: "agentAddresses", agents: [ec2("a"), vm("b")], groupReference: false, sourceRanges: 1 }), [
                { key: "agent-a", kind: "agentAddress", agent: "a" },
                { key: "agent-b", kind: "agentAddress", agent: "b" },
            ]);
        });

        it("no group peer when no agent is launched, even where a reference is allowed", () => {
            assert.deepStrictEqual(planEndpointPeers({ scope: "agentAddresses", agents: [vm("x"), vm("y")], groupReference: true, sourceRanges: 0 }), [
                { key: "agent-x", kind: "agentAddress", agent: "x" },
                { key: "agent-y", kind: "agentAddress", agent: "y" },
            ]);
        });

        it("an all-EC2 fleet with a reference is a single peer", () => {
            assert.deepStrictEqual(
                planEndpointPeers({ scope: "agentAddresses", agents: [ec2("a"), ec2("b"), ec2("c")], groupReference: true, sourceRanges: 0 }),
                [{ key: "agents", kind: "agentGroup" }],
            );
        });

        it("an empty fleet admits nobody", () => {
            assert.deepStrictEqual(planEndpointPeers({ scope: "agentAddresses", agents: [], groupReference: true, sourceRanges: 2 }), []);
        });
    });

    describe("scope sourceRanges", () => {
        it("one peer per declared range, keyed by position, whatever the agents", () => {
            const want = [
                { key: "range0", kind: "sourceRange", index: 0 },
                { key: "range1", kind: "sourceRange", index: 1 },
                { key: "range2", kind: "sourceRange", index: 2 },
            ];
            assert.deepStrictEqual(planEndpointPeers({ scope: "sourceRanges", agents: [ec2("a"), vm("b")], groupReference: true, sourceRanges: 3 }), want);
            assert.deepStrictEqual(planEndpointPeers({ scope: "sourceRanges", agents: [], groupReference: false, sourceRanges: 3 }), want);
        });
    });
});
