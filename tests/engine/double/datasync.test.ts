// The AWS double's DataSync agent, through the engine. The keys here are made up for the test
// (the engine prints a failing property's value, secrets included, so no real-looking key is used
// where a refusal is expected).
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT, DST, OTHER_REGION, REGION } from "../../fixtures/aws";
import { Lab, reasonsOf, refusals, steps } from "./lab";
import { labWorld, providers, W } from "./world";

const DATASYNC = `com.amazonaws.${REGION}.datasync`;
const DUMMY = "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE";
const key = (n: number) => pulumi.secret(`K${String(n).padStart(4, "0")}-BBBBB-CCCCC-DDDDD-EEEEE`);
const subnetArn = (id: string, region = REGION) => `arn:aws:ec2:${region}:${ACCOUNT}:subnet/${id}`;

function endpointAndGroup(prefix: string) {
    const g = new aws.ec2.SecurityGroup(`${prefix}-sg`, { vpcId: DST.vpc, name: `${prefix}-sg` });
    const e = new aws.ec2.VpcEndpoint(`${prefix}-ep`, {
        vpcId: DST.vpc,
        vpcEndpointType: "Interface",
        serviceName: DATASYNC,
        privateDnsEnabled: false,
        subnetIds: [DST.subnetA, DST.subnetB],
        securityGroupIds: [g.id],
    });
    return { g, e, agentArgs: { vpcEndpointId: e.id, subnetArns: [subnetArn(DST.subnetB)], securityGroupArns: [g.arn] } };
}

describe("AWS double through the engine: DataSync agents", function () {
    this.timeout(300_000);
    let lab: Lab;

    before(() => {
        lab = new Lab(labWorld());
    });
    after(() => lab?.close());

    it("Check: activationKey conflicts with privateLinkEndpoint and ipAddress once both are known, not while the key is unknown", async () => {
        const runs = await lab.previewEach("ag-schema", {
            "key-and-ple": () => new aws.datasync.Agent("key-and-ple", { activationKey: DUMMY, privateLinkEndpoint: "10.0.2.4" }),
            "key-and-ip": () => new aws.datasync.Agent("key-and-ip", { activationKey: DUMMY, ipAddress: "192.168.10.5" }),
            // Preview: the key comes from a resource not yet created, so it is unknown and not judged.
            "unknown-key": () => {
                const g = new aws.ec2.SecurityGroup("ag-key-source", { vpcId: DST.vpc, name: "ag-key-source" });
                new aws.datasync.Agent("unknown-key", { activationKey: pulumi.secret(g.arn), privateLinkEndpoint: "10.0.2.4" });
            },
        });
        const reasons = reasonsOf(runs);
        assert.match(reasons("key-and-ple"), /Conflicting configuration arguments: "activation_key": conflicts with private_link_endpoint/);
        assert.match(reasons("key-and-ple"), /Conflicting configuration arguments: "private_link_endpoint": conflicts with activation_key/);
        assert.match(reasons("key-and-ip"), /"activation_key": conflicts with ip_address/);
        assert.match(reasons("key-and-ip"), /"ip_address": conflicts with activation_key/);
        assert.strictEqual(reasons("unknown-key"), "");
        assert.ok(runs.get("unknown-key")!.ok, runs.get("unknown-key")!.text);
    });

    it("create: CreateAgent's refusals (key, endpoint, ARNs, name) and single-use keys", async () => {
        const r = await lab.up("ag-service", () => {
            const p = providers();
            const { g, e, agentArgs } = endpointAndGroup("svc");
            new aws.datasync.Agent("no-key", { ...agentArgs });
            new aws.datasync.Agent("ip-only", { ...agentArgs, ipAddress: "192.168.10.5" });
            new aws.datasync.Agent("bad-key", { ...agentArgs, activationKey: pulumi.secret("lower-case-is-not-a-key") });
            new aws.datasync.Agent("bad-vpce", { ...agentArgs, activationKey: key(1), vpcEndpointId: "vpce-123" });
            new aws.datasync.Agent("other-account", { ...agentArgs, activationKey: key(2) }, { provider: p.source });
            const s3 = new aws.ec2.VpcEndpoint("svc-other-ep", {
                vpcId: DST.vpc,
                vpcEndpointType: "Interface",
                serviceName: W.oneZoneService,
                subnetIds: [DST.subnetA],
                securityGroupIds: [g.id],
            });
            new aws.datasync.Agent("not-datasync", { ...agentArgs, activationKey: key(3), vpcEndpointId: s3.id });
            new aws.datasync.Agent("two-subnets", { ...agentArgs, activationKey: key(4), subnetArns: [subnetArn(DST.subnetA), subnetArn(DST.subnetB)] });
            new aws.datasync.Agent("subnet-other-region", { ...agentArgs, activationKey: key(5), subnetArns: [subnetArn(W.usSubnet, OTHER_REGION)] });
            new aws.datasync.Agent("subnet-other-vpc", { ...agentArgs, activationKey: key(6), subnetArns: [subnetArn(W.subnet2)] });
            new aws.datasync.Agent("group-other-vpc", {
                ...agentArgs,
                activationKey: key(7),
                securityGroupArns: [`arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${W.group2}`],
            });
            new aws.datasync.Agent("bad-name", { ...agentArgs, activationKey: key(8), name: "agent<1>" });
            const first = new aws.datasync.Agent("first", { ...agentArgs, activationKey: key(9), name: "first" });
            new aws.datasync.Agent("reused-key", { ...agentArgs, activationKey: key(9), name: "again" }, { dependsOn: [first] });
            return { endpoint: e.id };
        });
        const refused = refusals(r);
        const is = (name: string, re: RegExp) => assert.match(refused.get(name) ?? `(${name} was not refused)`, re);
        is("no-key", /creating DataSync Agent \(no-key\): one of activation_key or ip_address is required/);
        is("ip-only", /never fetches activation keys over the network/);
        is(
            "bad-key",
            /operation error DataSync: CreateAgent, api error InvalidRequestException: 1 validation error detected: Value \(not shown\) at 'activationKey'/,
        );
        assert.ok(!(refused.get("bad-key") ?? "").includes("lower-case"), "the refused key is not echoed");
        is("bad-vpce", /Value 'vpce-123' at 'vpcEndpointId' failed to satisfy constraint/);
        is("other-account", /InvalidVpcEndpointId\.NotFound/);
        is("not-datasync", /is not an endpoint of the DataSync service in eu-west-2 \(its service is com\.amazonaws\.eu-west-2\.onezone\)/);
        is("two-subnets", /at 'subnetArns' failed to satisfy constraint: Member must have length less than or equal to 1/);
        is("subnet-other-region", /is not in the agent's account 111111111111 and Region eu-west-2/);
        is("subnet-other-vpc", /Invalid subnet subnet-0d5700000000000c1: not a subnet of the endpoint's VPC/);
        is("group-other-vpc", /Invalid security group sg-0d570000000000a02: not a group of the endpoint's VPC/);
        is("bad-name", /Value 'agent<1>' at 'agentName' failed to satisfy constraint/);
        is("reused-key", /The activation key has already been used/);
        assert.ok(!refused.has("first"), refused.get("first"));
    });

    it("read: DescribeAgent fills the PrivateLink fields after create and on refresh; the key stays as configured, secret", async () => {
        const program = () => {
            const { e, agentArgs } = endpointAndGroup("rd");
            const a = new aws.datasync.Agent("rd-agent", { ...agentArgs, activationKey: key(20), name: "rd" });
            return { endpointIps: e.subnetConfigurations, ple: a.privateLinkEndpoint, vpce: a.vpcEndpointId, subnets: a.subnetArns, endpoint: e.id };
        };
        assert.ok((await lab.up("ag-read", program)).ok);
        const o = await lab.outputs("ag-read");
        const ipB = o.endpointIps.find((c: any) => c.subnetId === DST.subnetB).ipv4;
        assert.strictEqual(o.ple, ipB, "DescribeAgent's PrivateLinkEndpoint: the endpoint's address in the agent's subnet");
        assert.strictEqual(o.vpce, o.endpoint);
        assert.deepStrictEqual(o.subnets, [subnetArn(DST.subnetB)]);
        const refreshed = await lab.refresh("ag-read", program);
        assert.ok(refreshed.ok, refreshed.text);
        assert.ok(
            refreshed.log.some((l) => l.op === "read" && l.name === "rd-agent"),
            "refresh reads the agent",
        );
        const agent = lab.state("ag-read").find((x) => x.type === "aws:datasync/agent:Agent");
        assert.strictEqual(agent.outputs.privateLinkEndpoint, ipB);
        assert.strictEqual(
            agent.outputs.activationKey?.["4dabf18193072939515e22adb298388d"],
            "1b47061264138c4ac30d75fd1eb44270",
            "the key is still a secret in state after refresh",
        );
        const preview = await lab.preview("ag-read", program);
        assert.deepStrictEqual(Object.keys(preview.summary ?? {}), ["same"], "after refresh nothing differs");
    });

    it("diff: a new key, endpoint, subnet or group replaces the agent; a new name updates it", async () => {
        const program = (v: number) => () => {
            const { agentArgs } = endpointAndGroup("df");
            new aws.datasync.Agent("d-key", { ...agentArgs, activationKey: key(v === 1 ? 30 : 31), name: "k" });
            new aws.datasync.Agent("d-name", { ...agentArgs, activationKey: key(40), name: v === 1 ? "n1" : "n2" });
            new aws.datasync.Agent("d-subnet", { ...agentArgs, activationKey: key(50), subnetArns: [subnetArn(v === 1 ? DST.subnetB : DST.subnetA)] });
        };
        assert.ok((await lab.up("ag-diff", program(1))).ok);
        const s = steps(await lab.preview("ag-diff", program(2)));
        assert.deepStrictEqual(s.get("d-key"), { op: "replace", keys: ["activationKey"], diffs: ["activationKey"] });
        assert.deepStrictEqual(s.get("d-name"), { op: "update", keys: [], diffs: ["name"] });
        assert.deepStrictEqual(s.get("d-subnet"), { op: "replace", keys: ["subnetArns"], diffs: ["subnetArns"] });
    });
});
