// Quota headroom of the 100-agent fleets: what each AWS default quota the double enforces
// (tests/engine/doubles/aws/quotas.ts, each with its AWS source) has left once the fleet is up,
// counted from the state and the world that was there before. Two fleets: the benchmark's 100
// on-premises agents (sourceRanges), and 100 EC2 agents over a cross-account peering (admitted by
// their shared group). And the refusal at preview of a fleet that would not fit.
import { AgentEmulator } from "../../activation/emulator";
import { DST, REGION, SOURCE_ACCOUNT, SRC, T } from "../../fixtures/aws";
import type { World } from "../../engine/doubles/aws";
import { QUOTAS } from "../../engine/doubles/aws";
import { RemotePrivateAgent, Sandbox } from "../../engine/harness";
import { peeringArgs, peeringWorld } from "../../engine/graph/scenario";
import { fleetArgs, fleetWorld } from "../lib/fleetScenario";
import { exportText } from "../lib/sandboxes";
import { say, secs } from "../lib/progress";

export interface Headroom {
    quota: string;
    code: string;
    /** What is counted: a group, a route table, a VPC, a network interface. */
    scope: string;
    used: number;
    limit: number;
}

interface StateResource {
    urn: string;
    type: string;
    id?: string;
    outputs?: Record<string, any>;
}

const name = (urn: string) => urn.split("::").pop();

/** Every quota the double enforces, for every group, table, VPC and interface the fleet touched. */
export function headroom(stateText: string, world: World): Headroom[] {
    const resources: StateResource[] = JSON.parse(stateText).deployment.resources ?? [];
    const of = (type: string) => resources.filter((r) => r.type === type);
    const out: Headroom[] = [];
    for (const g of of(T.securityGroup)) {
        for (const [type, q] of [
            [T.ingressRule, QUOTAS.inboundRulesPerGroup],
            [T.egressRule, QUOTAS.outboundRulesPerGroup],
        ] as const) {
            const used = of(type).filter((r) => r.outputs?.securityGroupId === g.id).length;
            out.push({ quota: q.name, code: q.code, scope: `group ${name(g.urn)}`, used, limit: q.value });
        }
    }
    const tables = new Set(of(T.route).map((r) => String(r.outputs?.routeTableId)));
    for (const t of tables) {
        const before = Object.values(world.accounts ?? {})
            .flatMap((a) => Object.values(a.regions))
            .concat([world])
            .map((rw) => rw.routeTables?.[t]?.routes?.length ?? 0)
            .reduce((a, b) => a + b, 0);
        const used = before + of(T.route).filter((r) => r.outputs?.routeTableId === t).length;
        out.push({ quota: QUOTAS.routesPerTable.name, code: QUOTAS.routesPerTable.code, scope: `route table ${t}`, used, limit: QUOTAS.routesPerTable.value });
    }
    for (const vpc of new Set(of(T.vpcEndpoint).map((e) => String(e.outputs?.vpcId)))) {
        const before = Object.values(world.vpcEndpoints ?? {}).filter((e) => e.vpcId === vpc).length;
        const used = before + of(T.vpcEndpoint).filter((e) => e.outputs?.vpcId === vpc).length;
        out.push({
            quota: QUOTAS.interfaceEndpointsPerVpc.name,
            code: QUOTAS.interfaceEndpointsPerVpc.code,
            scope: `VPC ${vpc}`,
            used,
            limit: QUOTAS.interfaceEndpointsPerVpc.value,
        });
    }
    const groupsPer = (r: StateResource, key: string) => ((r.outputs?.[key] ?? []) as string[]).length;
    const interfaces = [...of(T.vpcEndpoint).map((e) => ({ scope: `endpoint interfaces (${name(e.urn)})`, used: groupsPer(e, "securityGroupIds") }))];
    const instances = of(T.instance);
    if (instances.length > 0) {
        interfaces.push({
            scope: `instance interfaces (${instances.length} instances, most groups)`,
            used: Math.max(...instances.map((i) => groupsPer(i, "vpcSecurityGroupIds"))),
        });
    }
    for (const i of interfaces) {
        out.push({
            quota: QUOTAS.groupsPerInterface.name,
            code: QUOTAS.groupsPerInterface.code,
            scope: i.scope,
            used: i.used,
            limit: QUOTAS.groupsPerInterface.value,
        });
    }
    return out;
}

export interface Ec2FleetResult {
    agents: number;
    upMs: number;
    resources: number;
    stateBytes: number;
    headroom: Headroom[];
}

/** 100 EC2 agents in a source account over a peering: one `up`, then the state's headroom. */
export async function benchEc2Fleet(agents: number): Promise<Ec2FleetResult> {
    const world = peeringWorld();
    const sandbox = new Sandbox(world);
    const emulator = await AgentEmulator.start([{ kind: "agent" }]);
    try {
        const stack = await sandbox.stack("ec2-fleet", async () => {
            const fleet = new RemotePrivateAgent("ec2fleet", peeringArgs(agents, emulator.address));
            return { agentArns: fleet.agentArns };
        });
        const t0 = Date.now();
        const r = await stack.up();
        const upMs = Date.now() - t0;
        if (r.summary.result !== "succeeded") {
            throw new Error(`EC2 fleet of ${agents}: up ${r.summary.result}`);
        }
        const text = exportText(sandbox, "ec2-fleet");
        say(`quotas: ${agents} EC2 agents over a cross-account peering: up ${secs(upMs)}`);
        return { agents, upMs, resources: JSON.parse(text).deployment.resources.length, stateBytes: Buffer.byteLength(text), headroom: headroom(text, world) };
    } finally {
        await emulator.close();
        sandbox.remove();
    }
}

export interface Refusal {
    quota: string;
    /** The configuration that would cross it. */
    setup: string;
    /** Whether `preview` refused it (the issue: "refused at preview with the quota named"). */
    refused: boolean;
    /** The preview's quota lines, or what `up` then ran into. */
    message: string;
}

interface RefusalCase {
    quota: string;
    setup: string;
    world: World;
    program: (activationAddress: string) => unknown;
}

const QUOTA_LINE = /L-0EA8095F|L-2AFB9258|L-29B6F2EB|L-93826ACB|quota|LimitExceeded/i;

function refusalCases(): RefusalCase[] {
    const full = peeringWorld();
    full.accounts![SOURCE_ACCOUNT].regions[REGION].routeTables![SRC.routeTable].routes = Array.from({ length: QUOTAS.routesPerTable.value }, (_, n) => ({
        destinationCidrBlock: `172.16.${n}.0/24`,
        target: "vgw-05c0000000000a001",
    }));
    const crowded = peeringWorld();
    crowded.vpcEndpoints = Object.fromEntries(
        Array.from({ length: QUOTAS.interfaceEndpointsPerVpc.value }, (_, n) => [
            `vpce-0c00000000000${String(n).padStart(4, "0")}`,
            { vpcId: DST.vpc, serviceName: `com.amazonaws.${REGION}.s3`, privateDnsEnabled: false, interfaces: {} },
        ]),
    );
    const groups = peeringWorld();
    const extra = Array.from({ length: QUOTAS.groupsPerInterface.value }, (_, n) => `sg-05c000000000b000${n}`);
    groups.accounts![SOURCE_ACCOUNT].regions[REGION].securityGroups = Object.fromEntries(extra.map((id) => [id, { vpcId: SRC.vpc, name: id }]));
    return [
        {
            quota: `${QUOTAS.inboundRulesPerGroup.name} (${QUOTAS.inboundRulesPerGroup.code})`,
            setup: '100 on-premises agents with ingressScope "agentAddresses" (2 inbound rules each)',
            world: fleetWorld(),
            program: (a) => fleetArgs(100, a, "agentAddresses"),
        },
        {
            quota: `${QUOTAS.groupsPerInterface.name} (${QUOTAS.groupsPerInterface.code})`,
            setup: `an EC2 agent with ${extra.length} extraSecurityGroupIds (plus its own group)`,
            world: groups,
            program: (a) => {
                const args = peeringArgs(1, a);
                return { ...args, agents: [{ ...args.agents[0], instance: { ...args.agents[0].instance, extraSecurityGroupIds: extra } }] };
            },
        },
        {
            quota: `${QUOTAS.routesPerTable.name} (${QUOTAS.routesPerTable.code})`,
            setup: `peering into a source route table that already holds ${QUOTAS.routesPerTable.value} routes`,
            world: full,
            program: (a) => peeringArgs(1, a),
        },
        {
            quota: `${QUOTAS.interfaceEndpointsPerVpc.name} (${QUOTAS.interfaceEndpointsPerVpc.code})`,
            setup: `a VPC that already has ${QUOTAS.interfaceEndpointsPerVpc.value} interface endpoints`,
            world: crowded,
            program: (a) => peeringArgs(1, a),
        },
    ];
}

/**
 * Configurations that would cross a quota: does `preview` refuse them? When it does not, `up` shows
 * where AWS (the double) stops it, and how much was created by then.
 */
export async function quotaRefusals(): Promise<Refusal[]> {
    const out: Refusal[] = [];
    for (const c of refusalCases()) {
        const sandbox = new Sandbox(c.world);
        const emulator = await AgentEmulator.start([{ kind: "agent" }]);
        try {
            const stack = await sandbox.stack("too-big", async () => {
                const fleet = new RemotePrivateAgent("fleet", c.program(emulator.address) as Record<string, unknown>);
                return { agentArns: fleet.agentArns };
            });
            let text = "";
            const quotaLines = () =>
                text
                    .split("\n")
                    .map((l) => l.trim())
                    .find((l) => QUOTA_LINE.test(l) && !l.startsWith("at ")) ?? "";
            try {
                await stack.preview({ onOutput: (t) => (text += t) });
            } catch (e) {
                text += (e as Error).message;
                out.push({ quota: c.quota, setup: c.setup, refused: true, message: quotaLines() });
                continue;
            }
            text = "";
            try {
                await stack.up({ onOutput: (t) => (text += t) });
                out.push({ quota: c.quota, setup: c.setup, refused: false, message: "preview passed, and so did up" });
            } catch (e) {
                text += (e as Error).message;
                const made = sandbox.awsRecords().filter((r) => r.op === "create").length;
                out.push({
                    quota: c.quota,
                    setup: c.setup,
                    refused: false,
                    message: `preview passed; up failed after creating ${made} resources:\n${quotaLines()}`,
                });
            }
        } finally {
            await emulator.close();
            sandbox.remove();
        }
        const last = out[out.length - 1];
        say(`quotas: ${last.setup}: ${last.refused ? "refused at preview" : "NOT refused at preview"}`);
    }
    return out;
}
