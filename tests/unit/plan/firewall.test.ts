// plan/firewall.ts: the flows a network team must allow, row by row.
import * as assert from "assert";
import { firewallTable, FirewallInputs, FirewallRule, linkFirewallTable, uniqueRules } from "../../../provider/src/plan/firewall";

const line = (r: FirewallRule) => `${r.from} -> ${r.to} ${r.protocol}/${r.ports} (${r.purpose})`;

const BASE: FirewallInputs = {
    activationSources: [],
    agents: ["10.20.1.5"],
    endpointIp: "10.0.1.10",
    taskCidrs: [],
    storage: [],
    dnsServers: [],
    supportChannel: false,
};

describe("plan/firewall", () => {
    describe("firewallTable", () => {
        it("minimal: one agent to the endpoint on 443 and 1024-1064", () => {
            assert.deepStrictEqual(firewallTable(BASE).map(line), [
                "10.20.1.5 -> 10.0.1.10 tcp/443 (agent to DataSync endpoint: activation and endpoint registration)",
                "10.20.1.5 -> 10.0.1.10 tcp/1024-1064 (agent to DataSync endpoint: control traffic)",
            ]);
        });

        it("every flow per agent, agents in order, duplicates dropped", () => {
            const rows = firewallTable({
                activationSources: ["10.9.0.1/32", "10.9.0.2/32"],
                agents: ["10.20.1.5", "agent b (address known after launch)", "10.20.1.5"],
                endpointIp: "10.0.1.10",
                taskCidrs: ["10.0.1.0/24"],
                storage: [
                    { cidr: "10.30.0.4/32", protocol: "tcp", fromPort: 2049, toPort: 2049 },
                    { cidr: "10.30.0.4/32", protocol: "tcp", fromPort: 2049, toPort: 2049 },
                ],
                dnsServers: ["10.0.0.2"],
                supportChannel: true,
            });
            const agentRows = (a: string) => [
                `10.9.0.1/32 -> ${a} tcp/80 (activation key request to the agent (closes after activation))`,
                `10.9.0.2/32 -> ${a} tcp/80 (activation key request to the agent (closes after activation))`,
                `${a} -> 10.0.1.10 tcp/443 (agent to DataSync endpoint: activation and endpoint registration)`,
                `${a} -> 10.0.1.10 tcp/1024-1064 (agent to DataSync endpoint: control traffic)`,
                `${a} -> 10.0.1.10 tcp/22 (agent to DataSync endpoint: AWS Support channel (Basic mode only))`,
                `${a} -> 10.0.1.0/24 tcp/443 (agent to task network interfaces: data transfer)`,
                `${a} -> 10.30.0.4/32 tcp/2049 (agent to its storage)`,
                `${a} -> 10.0.0.2 udp/53 (agent to DNS resolver)`,
                `${a} -> 10.0.0.2 tcp/53 (agent to DNS resolver (large answers))`,
            ];
            assert.deepStrictEqual(rows.map(line), [...agentRows("10.20.1.5"), ...agentRows("agent b (address known after launch)")]);
        });

        it("no activation rows when every agent is activated manually", () => {
            const rows = firewallTable({ ...BASE, activationSources: [] });
            assert.ok(rows.every((r) => r.ports !== "80"));
        });

        it("no agents, no rows", () => {
            assert.deepStrictEqual(firewallTable({ ...BASE, agents: [], activationSources: ["10.9.0.1/32"], taskCidrs: ["10.0.1.0/24"] }), []);
        });

        it("a storage port range is written from-to", () => {
            const rows = firewallTable({ ...BASE, storage: [{ cidr: "10.30.0.0/24", protocol: "tcp", fromPort: 50010, toPort: 50020 }] });
            assert.deepStrictEqual(rows[2], { from: "10.20.1.5", to: "10.30.0.0/24", protocol: "tcp", ports: "50010-50020", purpose: "agent to its storage" });
        });
    });

    describe("linkFirewallTable", () => {
        it("every source range to every destination range on 443 and 1024-1064, source-major", () => {
            assert.deepStrictEqual(
                linkFirewallTable(["10.20.0.0/16", "192.168.0.0/24"], ["10.0.0.0/16"]).map((r) => `${r.from} -> ${r.to} ${r.protocol}/${r.ports}`),
                [
                    "10.20.0.0/16 -> 10.0.0.0/16 tcp/443",
                    "10.20.0.0/16 -> 10.0.0.0/16 tcp/1024-1064",
                    "192.168.0.0/24 -> 10.0.0.0/16 tcp/443",
                    "192.168.0.0/24 -> 10.0.0.0/16 tcp/1024-1064",
                ],
            );
        });
        it("an empty side gives no rows", () => {
            assert.deepStrictEqual(linkFirewallTable([], ["10.0.0.0/16"]), []);
            assert.deepStrictEqual(linkFirewallTable(["10.0.0.0/16"], []), []);
        });
    });

    describe("uniqueRules", () => {
        const r = (from: string, to: string, protocol: string, ports: string, purpose: string): FirewallRule => ({ from, to, protocol, ports, purpose });
        it("keeps the first of each (from, to, protocol, ports), whatever the purpose", () => {
            const rows = [
                r("a", "b", "tcp", "443", "first"),
                r("a", "b", "tcp", "443", "second"),
                r("a", "b", "udp", "443", "udp"),
                r("a", "c", "tcp", "443", "other to"),
                r("b", "b", "tcp", "443", "other from"),
                r("a", "b", "tcp", "4430", "other ports"),
            ];
            assert.deepStrictEqual(
                uniqueRules(rows).map((x) => x.purpose),
                ["first", "udp", "other to", "other from", "other ports"],
            );
        });
    });
});
