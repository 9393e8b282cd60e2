// Where the PrivateAgent puts things, through the engine with the AWS double answering per account
// and Region: what AWS requires, read from the double's log. The endpoint, its VPC and
// aws.datasync.Agent belong to one account and Region ("Your service endpoint, VPC, and DataSync
// agent must belong to the same AWS account", DataSync user guide, choose-service-endpoint); the
// agent VM and its group live on the source side; a peering's requester and accepter, a gateway
// peering's request and acceptance, each on their own side.
import * as assert from "assert";
import { AgentEmulator } from "../activation/emulator";
import type { LogRecord } from "./doubles/aws";
import { ACCOUNT, DST, OTHER_REGION, REGION, SOURCE_ACCOUNT, SRC, T } from "../fixtures/aws";
import { checkPlugins, RemotePrivateAgent, Sandbox } from "./harness";
import { labWorld, W } from "./double/world";

const KEY_PEERING = "P1EER-7FPPR-GG7MC-3I9R3-27DOH";
const KEY_TGW = "T6WAY-7FPPR-GG7MC-3I9R3-27DOH";

/** account/Region of every successful create of a type, by resource name. */
function placed(records: LogRecord[], type: string): Record<string, string> {
    return Object.fromEntries(records.filter((r) => r.op === "create" && r.type === type).map((r) => [r.name, `${r.account}/${r.region}`]));
}

function placedAll(records: LogRecord[], type: string): string[] {
    return [...new Set(Object.values(placed(records, type)))];
}

describe("engine: where the PrivateAgent's resources land, across accounts and Regions", function () {
    this.timeout(300_000);
    let sandbox: Sandbox;

    before(() => {
        checkPlugins();
        sandbox = new Sandbox(labWorld());
    });
    after(() => {
        if (!process.env.DSPL_KEEP_ENGINE_SANDBOX) {
            sandbox?.remove();
        }
    });

    it("cross-account: an EC2 agent in the source account over VPC peering, the endpoint and the DataSync agent in the destination account", async () => {
        const emulator = await AgentEmulator.start([{ kind: "key", key: KEY_PEERING }]);
        try {
            const before = sandbox.awsRecords().length;
            const stack = await sandbox.stack("cross-account", async () => {
                const agent = new RemotePrivateAgent("xacct", {
                    source: { region: REGION, roleArn: `arn:aws:iam::${SOURCE_ACCOUNT}:role/datasync-source`, accountId: SOURCE_ACCOUNT },
                    destination: { region: REGION, roleArn: `arn:aws:iam::${ACCOUNT}:role/datasync-destination`, accountId: ACCOUNT },
                    vpcId: DST.vpc,
                    endpointSubnetIds: [DST.subnetA, DST.subnetB],
                    activationSubnetId: DST.subnetB,
                    activationSourceCidrs: ["10.20.9.10/32"],
                    agents: [{ name: "ec2", instance: { subnetId: SRC.subnetA }, activation: { addressOverride: emulator.address, timeoutSeconds: 60 } }],
                    link: {
                        mode: "peering",
                        sourceVpcId: SRC.vpc,
                        sourceCidrBlocks: ["10.20.0.0/16"],
                        destinationCidrBlocks: ["10.0.0.0/16"],
                        sourceRouteTableIds: [SRC.routeTable],
                        destinationRouteTableIds: [DST.routeTable, W.mainRouteTable],
                    },
                });
                return { agentArn: agent.agentArn };
            });
            const result = await stack.up();
            assert.strictEqual(result.summary.result, "succeeded");
            const rec = sandbox.awsRecords().slice(before);
            const dst = `${ACCOUNT}/${REGION}`;
            const src = `${SOURCE_ACCOUNT}/${REGION}`;
            assert.deepStrictEqual(placedAll(rec, T.vpcEndpoint), [dst], "the endpoint in the destination account");
            assert.deepStrictEqual(placedAll(rec, T.datasyncAgent), [dst], "the DataSync agent with the endpoint");
            assert.deepStrictEqual(placedAll(rec, T.instance), [src], "the agent VM in the source account");
            const groups = placed(rec, T.securityGroup);
            assert.strictEqual(groups["xacct-sg"], dst, "the endpoint's group with the endpoint");
            assert.strictEqual(groups["xacct-agents-sg"], src, "the fleet's agent group with the VM");
            assert.deepStrictEqual(placedAll(rec, T.vpcPeering), [src], "the peering requested from the source side");
            assert.deepStrictEqual(placedAll(rec, T.vpcPeeringAccepter), [dst], "and accepted on the destination side");
            const routes = rec.filter((r) => r.op === "create" && r.type === T.route).map((r) => `${r.inputs.routeTableId}@${r.account}`);
            // The activation subnet (B) sends by the VPC's main table, which must carry the way back too.
            assert.deepStrictEqual(
                routes.sort(),
                [`${DST.routeTable}@${ACCOUNT}`, `${W.mainRouteTable}@${ACCOUNT}`, `${SRC.routeTable}@${SOURCE_ACCOUNT}`].sort(),
            );
            const outputs = await stack.outputs();
            assert.match(outputs.agentArn.value, new RegExp(`^arn:aws:datasync:${REGION}:${ACCOUNT}:agent/`));
            await stack.destroy();
        } finally {
            await emulator.close();
        }
    });

    it("cross-Region: an EC2 agent in the source account's us-east-1 behind its own transit gateway, peered with the destination's gateway in eu-west-2", async () => {
        const emulator = await AgentEmulator.start([{ kind: "key", key: KEY_TGW }]);
        try {
            const before = sandbox.awsRecords().length;
            const stack = await sandbox.stack("cross-region", async () => {
                const agent = new RemotePrivateAgent("xreg", {
                    source: { region: OTHER_REGION, roleArn: `arn:aws:iam::${SOURCE_ACCOUNT}:role/datasync-source`, accountId: SOURCE_ACCOUNT },
                    destination: { region: REGION, roleArn: `arn:aws:iam::${ACCOUNT}:role/datasync-destination`, accountId: ACCOUNT },
                    vpcId: DST.vpc,
                    endpointSubnetIds: [DST.subnetA, DST.subnetB],
                    activationSubnetId: DST.subnetB,
                    activationSourceCidrs: ["10.30.9.10/32"],
                    agents: [{ name: "ec2", instance: { subnetId: W.srcUsSubnet }, activation: { addressOverride: emulator.address, timeoutSeconds: 60 } }],
                    link: {
                        mode: "transitGateway",
                        transitGatewayId: DST.tgw,
                        sourceTransitGatewayId: SRC.tgw,
                        sourceVpcId: W.srcUsVpc,
                        sourceSubnetIds: [W.srcUsSubnet],
                        destinationSubnetIds: [DST.subnetA, DST.subnetB],
                        sourceCidrBlocks: ["10.30.0.0/16"],
                        destinationCidrBlocks: ["10.0.0.0/16"],
                        sourceRouteTableIds: [W.srcUsRouteTable],
                        destinationRouteTableIds: [DST.routeTable, W.mainRouteTable],
                    },
                });
                return { agentArn: agent.agentArn };
            });
            const result = await stack.up();
            assert.strictEqual(result.summary.result, "succeeded");
            const rec = sandbox.awsRecords().slice(before);
            const dst = `${ACCOUNT}/${REGION}`;
            const src = `${SOURCE_ACCOUNT}/${OTHER_REGION}`;
            assert.deepStrictEqual(placedAll(rec, T.vpcEndpoint), [dst]);
            assert.deepStrictEqual(placedAll(rec, T.datasyncAgent), [dst]);
            assert.deepStrictEqual(placedAll(rec, T.instance), [src]);
            assert.strictEqual(placed(rec, T.securityGroup)["xreg-agents-sg"], src);
            assert.deepStrictEqual(placedAll(rec, T.tgwPeering), [src], "the gateway peering requested by the source gateway's owner, in its Region");
            assert.deepStrictEqual(placedAll(rec, T.tgwPeeringAccepter), [dst], "accepted by the destination gateway's owner, in its Region");
            const attachments = placed(rec, T.tgwVpcAttachment);
            assert.deepStrictEqual(Object.values(attachments).sort(), [dst, src].sort(), "each VPC attached to its own Region's gateway");
            const tgwRoutes = rec
                .filter((r) => r.op === "create" && r.type === T.tgwRoute)
                .map((r) => `${r.inputs.transitGatewayRouteTableId}@${r.account}/${r.region}`);
            assert.deepStrictEqual(tgwRoutes.sort(), [`${DST.tgwRouteTable}@${dst}`, `${SRC.tgwRouteTable}@${src}`].sort());
            await stack.destroy();
        } finally {
            await emulator.close();
        }
    });
});
