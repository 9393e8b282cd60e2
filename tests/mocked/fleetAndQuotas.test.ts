// Fleets within AWS's default quotas (issue 11 §2). "Amazon VPC quotas" (Amazon VPC User Guide,
// amazon-vpc-limits): "Inbound or outbound rules per security group | 60", "Security groups per
// network interface | 5", "Routes per route table (non-propagated routes) | 50". Each peer the
// endpoint's group admits takes one rule per endpoint port (443 and 1024-1064, plus 22 with the
// support channel), so a large on-premises fleet is admitted by its declared ranges, EC2 agents by
// their one shared group, and a plan past a quota is refused before anything exists (past a quota
// AWS refuses the rule that crosses it, with half the fleet built). Rule names are keyed by agent
// name, so adding an agent never renames (replaces) another's rules: EC2 refuses a rule that
// duplicates one still in place (InvalidPermission.Duplicate, TF errors.go).
import * as assert from "assert";
import { DST, REGION, T } from "../fixtures/aws";
import { AgentSpec } from "../../provider/src/args/agentSpec";
import { PrivateAgentArgs } from "../../provider/src/args/privateAgent";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { built, recorder, refusal, resolve } from "./harness";
import { defaultWorld } from "./world";

const RANGES = { sourceCidrBlocks: ["192.168.0.0/17", "192.168.128.0/17"], onPremCidrBlocks: ["172.16.0.0/16"] };
const ENDPOINT_PORTS = [
    [443, 443],
    [1024, 1064],
] as const;

function onPremFleet(n: number, first = 1): AgentSpec[] {
    return Array.from({ length: n }, (_, i) => ({ name: `vm${first + i}`, address: `192.168.${Math.floor((first + i) / 200)}.${((first + i) % 200) + 1}` }));
}

function fleetArgs(agents: AgentSpec[], extra: Partial<PrivateAgentArgs> = {}): PrivateAgentArgs {
    return {
        vpcId: DST.vpc,
        endpointSubnetIds: [DST.subnetA],
        agents,
        link: { mode: "existing", ...RANGES, destinationCidrBlocks: ["10.0.0.0/16"] },
        ...extra,
    };
}

async function deploy(args: PrivateAgentArgs): Promise<PrivateAgent> {
    recorder.reset();
    const fleet = new PrivateAgent("dsync", args);
    await built(fleet, fleet.agentArns, fleet.firewallRules);
    return fleet;
}

async function refuse(args: PrivateAgentArgs): Promise<{ message: string; errors: { propertyPath: string; reason: string }[] }> {
    recorder.reset();
    const e = await refusal(new PrivateAgent("dsync", args));
    assert.deepStrictEqual(recorder.inventory(), ["datasync-privatelink:index:PrivateAgent dsync"], "nothing but the component was registered");
    return e;
}

describe("PrivateAgent fleets and AWS quotas", () => {
    describe('100 on-premises agents, ingressScope "sourceRanges"', () => {
        let fleet: PrivateAgent;
        before(async function () {
            this.timeout(60_000);
            fleet = await deploy(fleetArgs(onPremFleet(100), { ingressScope: "sourceRanges" }));
        });

        it("opens the endpoint's group to each declared range on each endpoint port: 3 ranges x 2 ports, whatever the fleet's size", () => {
            const group = recorder.named("dsync-sg").id;
            const rules = recorder.ofType(T.ingressRule).map((r) => [r.name, r.inputs]);
            const expected = [...RANGES.sourceCidrBlocks, ...RANGES.onPremCidrBlocks].flatMap((cidr, i) =>
                ENDPOINT_PORTS.map(([from, to]) => [
                    `dsync-in-range${i}-${from === to ? from : `${from}-${to}`}`,
                    {
                        securityGroupId: group,
                        cidrIpv4: cidr,
                        ipProtocol: "tcp",
                        fromPort: from,
                        toPort: to,
                        description:
                            from === 443 ? "agent to DataSync endpoint: activation and endpoint registration" : "agent to DataSync endpoint: control traffic",
                    },
                ]),
            );
            assert.deepStrictEqual(rules, expected);
        });

        it("creates per agent only its activation and its DataSync agent", () => {
            const shared = [
                `${T.securityGroup} dsync-sg`,
                `${T.vpcEndpoint} dsync-endpoint`,
                ...recorder.ofType(T.ingressRule).map((r) => `${T.ingressRule} ${r.name}`),
                "datasync-privatelink:index:NetworkLink dsync",
                "datasync-privatelink:index:PrivateAgent dsync",
                "datasync-privatelink:index:ServiceEndpoint dsync",
            ];
            const perAgent = onPremFleet(100).flatMap((a) => [
                `${T.datasyncAgent} dsync-${a.name}-agent`,
                `${T.localCommand} dsync-${a.name}-activation`,
                `datasync-privatelink:index:Agent dsync-${a.name}`,
            ]);
            assert.deepStrictEqual(recorder.inventory(), [...shared, ...perAgent].sort());
            assert.strictEqual(recorder.ofType(T.ingressRule).length, 6);
        });

        it("activates each agent at its own address", async () => {
            const addresses = recorder.ofType(T.localCommand).map((c) => c.inputs.environment.AGENT_ADDRESS);
            assert.deepStrictEqual(
                addresses.sort(),
                onPremFleet(100)
                    .map((a) => a.address!)
                    .sort(),
            );
            assert.strictEqual((await resolve(fleet.agentArns)).length, 100);
        });
    });

    it('refuses the same fleet with the default "agentAddresses" at ingressScope, naming the quota, before anything is created', async () => {
        const e = await refuse(fleetArgs(onPremFleet(100)));
        assert.deepStrictEqual(
            e.errors.map((x) => x.propertyPath),
            ["ingressScope"],
        );
        assert.match(
            e.errors[0].reason,
            /the endpoint security group's inbound rules \(100 peers x 2 ports\) would be 200, over AWS's quota of 60 inbound or outbound rules per security group/,
        );
        assert.match(e.errors[0].reason, /set ingressScope to "sourceRanges"/);
    });

    it("plans right up to the quota: 30 agents (60 rules) deploy, 31 are refused; 20 with the support channel (60) deploy, 21 are refused", async function () {
        this.timeout(60_000);
        await deploy(fleetArgs(onPremFleet(30)));
        assert.strictEqual(recorder.ofType(T.ingressRule).length, 60);
        assert.match((await refuse(fleetArgs(onPremFleet(31)))).errors[0].reason, /would be 62, over AWS's quota of 60/);
        await deploy(fleetArgs(onPremFleet(20), { supportChannel: true }));
        assert.strictEqual(recorder.ofType(T.ingressRule).length, 60);
        assert.match((await refuse(fleetArgs(onPremFleet(21), { supportChannel: true }))).errors[0].reason, /\(21 peers x 3 ports\) would be 63/);
    });

    it("plans within a raised quota (securityGroupRuleQuota), and names it in the refusal", async () => {
        const e = await refuse(fleetArgs(onPremFleet(40), { securityGroupRuleQuota: 79 }));
        assert.match(e.errors[0].reason, /would be 80, over AWS's quota of 79/);
        assert.match(e.errors[0].reason, /set securityGroupRuleQuota/);
    });

    it("admits 100 EC2 agents in one VPC by their one group: 2 endpoint rules, 4 agent-group rules, per agent an instance, activation and agent", async function () {
        this.timeout(60_000);
        const w = defaultWorld();
        w.subnets["subnet-0d5700000000000c3"] = { vpcId: DST.vpc, availabilityZone: `${REGION}c`, cidrBlock: "10.0.3.0/24", availableIpAddressCount: 250 };
        recorder.reset(w);
        const agents = Array.from({ length: 100 }, (_, i) => ({ name: `ec2-${i}`, instance: { subnetId: "subnet-0d5700000000000c3" } }));
        const fleet = new PrivateAgent("dsync", { vpcId: DST.vpc, endpointSubnetIds: [DST.subnetA], agents, activationSourceCidrs: ["10.0.9.10/32"] });
        await built(fleet, fleet.agentArns);
        const group = recorder.named("dsync-agents-sg").id;
        assert.deepStrictEqual(
            recorder
                .ofType(T.ingressRule)
                .filter((r) => r.inputs.securityGroupId === recorder.named("dsync-sg").id)
                .map((r) => [r.name, r.inputs.referencedSecurityGroupId]),
            [
                ["dsync-in-agents-443", group],
                ["dsync-in-agents-1024-1064", group],
            ],
        );
        assert.strictEqual(
            recorder.resources.filter((r) => (r.type === T.ingressRule || r.type === T.egressRule) && r.inputs.securityGroupId === group).length,
            4,
        );
        for (const type of [T.instance, T.localCommand, T.datasyncAgent]) {
            assert.strictEqual(recorder.ofType(type).length, 100, type);
        }
        assert.strictEqual(recorder.ofType(T.securityGroup).length, 2);
    });

    it("refuses more extra security groups than an interface takes, at the agent's extraSecurityGroupIds", async () => {
        const w = defaultWorld();
        recorder.reset(w);
        const extra = ["sg-0e0000000000000a1", "sg-0e0000000000000a2", "sg-0e0000000000000a3", "sg-0e0000000000000a4", "sg-0e0000000000000a5"];
        const fleet = new PrivateAgent("dsync", {
            vpcId: DST.vpc,
            endpointSubnetIds: [DST.subnetA],
            agents: [{ name: "ec2-1", instance: { subnetId: DST.subnetB, extraSecurityGroupIds: extra } }],
            activationSourceCidrs: ["10.0.9.10/32"],
        });
        const e = await refusal(fleet);
        assert.deepStrictEqual(
            e.errors.map((x) => x.propertyPath),
            ["agents[0].instance.extraSecurityGroupIds"],
        );
        assert.match(e.errors[0].reason, /would be 6, over AWS's quota of 5 security groups per network interface/);
        assert.deepStrictEqual(recorder.inventory(), ["datasync-privatelink:index:PrivateAgent dsync"]);
    });

    it("refuses more routes than a route table takes, at the table", async () => {
        const sources = Array.from({ length: 51 }, (_, i) => `192.168.${i}.0/24`);
        const e = await refuse({
            vpcId: DST.vpc,
            endpointSubnetIds: [DST.subnetA],
            agents: [{ name: "vm1", address: "192.168.1.5" }],
            link: {
                mode: "existing",
                sourceCidrBlocks: sources,
                destinationCidrBlocks: ["10.0.0.0/16"],
                destinationRouteTableIds: [DST.routeTable],
                existingRouteTargetId: "vgw-0a00000000000000b",
            },
        });
        assert.deepStrictEqual(
            e.errors.map((x) => x.propertyPath),
            ["link.destinationRouteTableIds[0]"],
        );
        assert.match(e.errors[0].reason, /would be 51, over AWS's quota of 50 routes per route table/);
    });

    it("refuses two agents at one address, at the second, before anything is created", async () => {
        const e = await refuse(
            fleetArgs([
                { name: "a", address: "192.168.1.5" },
                { name: "b", address: "192.168.1.5" },
            ]),
        );
        assert.deepStrictEqual(
            e.errors.map((x) => x.propertyPath),
            ["agents[1].address"],
        );
        assert.match(e.errors[0].reason, /is also agents\[0\]\.address; one VM can be activated only once/);
    });

    it("keeps every existing agent's resource names and rule inputs when an agent is added in the middle of the list", async () => {
        await deploy(
            fleetArgs([
                { name: "alpha", address: "192.168.1.5" },
                { name: "omega", address: "192.168.1.9" },
            ]),
        );
        const snapshot = new Map(recorder.resources.filter((r) => r.type.startsWith("aws:")).map((r) => [r.name, JSON.stringify(r.inputs)]));
        await deploy(
            fleetArgs([
                { name: "alpha", address: "192.168.1.5" },
                { name: "middle", address: "192.168.1.7" },
                { name: "omega", address: "192.168.1.9" },
            ]),
        );
        const after = new Map(recorder.resources.filter((r) => r.type.startsWith("aws:")).map((r) => [r.name, JSON.stringify(r.inputs)]));
        for (const [name, inputs] of snapshot) {
            assert.strictEqual(after.get(name), inputs, name);
        }
        assert.deepStrictEqual([...after.keys()].filter((n) => !snapshot.has(n)).sort(), [
            "dsync-in-agent-middle-1024-1064",
            "dsync-in-agent-middle-443",
            "dsync-middle-agent",
        ]);
    });
});
