// The test doubles themselves, called directly (no engine): an engine test is only as good as the
// doubles' refusals, so the refusals are pinned here. Fast; part of `make test-engine`.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AwsDouble, LogRecord, World } from "./doubles/aws";
import { CommandDouble } from "./doubles/command";
import { readJsonLines, secret, UNKNOWN } from "./doubles/wire";

const REGION = "eu-west-2";
const ACCOUNT = "111111111111";
const KEY = "F0EFT-7FPPR-GG7MC-3I9R3-27DOH";

const WORLD: World = {
    region: REGION,
    accountId: ACCOUNT,
    vpcs: { "vpc-1": { cidrBlocks: ["10.0.0.0/16", "10.1.0.0/16"] } },
    subnets: {
        "subnet-a": { vpcId: "vpc-1", availabilityZone: "eu-west-2a", cidrBlock: "10.0.1.0/24" },
        "subnet-a2": { vpcId: "vpc-1", availabilityZone: "eu-west-2a", cidrBlock: "10.0.3.0/24" },
        "subnet-b": { vpcId: "vpc-1", availabilityZone: "eu-west-2b", cidrBlock: "10.0.2.0/24" },
    },
    ssmParameters: { "/aws/service/datasync/ami": "ami-0123" },
};

const urn = (type: string, name: string) => `urn:pulumi:dev::proj::${type}::${name}`;
const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const AGENT = "aws:datasync/agent:Agent";

async function rejects(p: Promise<unknown>, pattern: RegExp): Promise<Error> {
    const err = await p.then(
        () => undefined,
        (e: Error) => e,
    );
    assert.ok(err, `expected a failure matching ${pattern}`);
    assert.match(err.message, pattern);
    return err;
}

describe("aws test double", () => {
    let dir: string;
    let aws: AwsDouble;
    let log: string;

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "dspl-aws-double-"));
        log = path.join(dir, "log.jsonl");
        fs.writeFileSync(path.join(dir, "world.json"), JSON.stringify(WORLD));
        process.env.DSPL_AWS_DOUBLE_WORLD = path.join(dir, "world.json");
        process.env.DSPL_AWS_DOUBLE_LOG = log;
        aws = new AwsDouble();
    });

    afterEach(() => {
        delete process.env.DSPL_AWS_DOUBLE_WORLD;
        delete process.env.DSPL_AWS_DOUBLE_LOG;
        fs.rmSync(dir, { recursive: true, force: true });
    });

    async function endpoint(subnetIds = ["subnet-a", "subnet-b"]) {
        const sg = await aws.create(urn(SG, "sg"), { vpcId: "vpc-1", description: "d" });
        const e = await aws.create(urn(ENDPOINT, "ep"), {
            vpcId: "vpc-1",
            vpcEndpointType: "Interface",
            serviceName: `com.amazonaws.${REGION}.datasync`,
            privateDnsEnabled: false,
            subnetIds,
            securityGroupIds: [sg.id],
        });
        return { sg, e };
    }

    function agentInputs(e: { id: string; outs?: any }, sg: { outs?: any }, ip: string, subnet = "subnet-b", key: unknown = secret(KEY)) {
        return {
            activationKey: key,
            vpcEndpointId: e.id,
            privateLinkEndpoint: ip,
            subnetArns: [`arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${subnet}`],
            securityGroupArns: [sg.outs.arn],
            name: "a1",
        };
    }

    it("needs its world and its log", () => {
        delete process.env.DSPL_AWS_DOUBLE_LOG;
        assert.throws(() => new AwsDouble(), /DSPL_AWS_DOUBLE_LOG/);
    });

    it("gives an interface endpoint one network interface per subnet, each with an address of its subnet", async () => {
        const { e } = await endpoint();
        assert.match(e.id, /^vpce-[0-9a-f]{17}$/);
        assert.strictEqual(e.outs.networkInterfaceIds.length, 2);
        const enis = await Promise.all(e.outs.networkInterfaceIds.map((id: string) => aws.invoke("aws:ec2/getNetworkInterface:getNetworkInterface", { id })));
        assert.deepStrictEqual(
            enis.map((r) => [r.outputs.subnetId, r.outputs.privateIp]),
            [
                ["subnet-a", "10.0.1.10"],
                ["subnet-b", "10.0.2.10"],
            ],
        );
        const subnet = await aws.invoke("aws:ec2/getSubnet:getSubnet", { id: "subnet-a" });
        assert.strictEqual(subnet.outputs.availableIpAddressCount, 249);
    });

    it("refuses two endpoint subnets in one Availability Zone, and unknown subnets", async () => {
        await rejects(endpoint(["subnet-a", "subnet-a2"]), /DuplicateSubnetsInSameZone/);
        await rejects(endpoint(["subnet-zzz"]), /InvalidSubnetID\.NotFound/);
    });

    it("answers the lookups from its world", async () => {
        const vpc = await aws.invoke("aws:ec2/getVpc:getVpc", { id: "vpc-1" });
        assert.deepStrictEqual(
            vpc.outputs.cidrBlockAssociations.map((a: any) => a.cidrBlock),
            ["10.0.0.0/16", "10.1.0.0/16"],
        );
        assert.strictEqual((await aws.invoke("aws:index/getRegion:getRegion", {})).outputs.region, REGION);
        assert.strictEqual((await aws.invoke("aws:index/getCallerIdentity:getCallerIdentity", {})).outputs.accountId, ACCOUNT);
        assert.strictEqual((await aws.invoke("aws:ssm/getParameter:getParameter", { name: "/aws/service/datasync/ami" })).outputs.value, "ami-0123");
        await rejects(aws.invoke("aws:ssm/getParameter:getParameter", { name: "/nope" }), /ParameterNotFound/);
        await rejects(aws.invoke("aws:ec2/getVpc:getVpc", { id: "vpc-404" }), /InvalidVpcID\.NotFound/);
    });

    it("creates a DataSync agent from a well-formed key, keeps the key secret, and logs that it received it", async () => {
        const { sg, e } = await endpoint();
        const a = await aws.create(urn(AGENT, "agent"), agentInputs(e, sg, "10.0.2.10"));
        assert.match(a.id, new RegExp(`^arn:aws:datasync:${REGION}:${ACCOUNT}:agent/agent-[0-9a-f]{17}$`));
        assert.deepStrictEqual(a.outs.activationKey, secret(KEY));
        const rec = readJsonLines<LogRecord>(log).find((r) => r.type === AGENT)!;
        assert.deepStrictEqual(rec.inputs.activationKey, { $secret: KEY });
    });

    it("refuses CreateAgent inputs the service refuses, without echoing the key", async () => {
        const { sg, e } = await endpoint();
        const bad = await rejects(aws.create(urn(AGENT, "x"), agentInputs(e, sg, "10.0.2.10", "subnet-b", secret("f0eft-7fppr-gg7mc-3i9r3-27doh"))), /does not match/);
        assert.ok(!bad.message.includes("f0eft"), "the key is echoed");
        // The endpoint IP must be the endpoint's address in the agent's subnet, not ENI [0].
        await rejects(aws.create(urn(AGENT, "x"), agentInputs(e, sg, "10.0.1.10")), /not in the agent's subnet subnet-b/);
        await rejects(aws.create(urn(AGENT, "x"), agentInputs(e, sg, "10.0.9.9")), /is not an address of/);
        await rejects(aws.create(urn(AGENT, "x"), { ...agentInputs(e, sg, "10.0.2.10"), subnetArns: [] }), /exactly one ARN/);
        await rejects(aws.create(urn(AGENT, "x"), { ...agentInputs(e, sg, "10.0.2.10"), vpcEndpointId: "vpce-0123" }), /does not match \^vpce-/);
        await rejects(aws.create(urn(AGENT, "x"), { ...agentInputs(e, sg, "10.0.2.10"), activationKey: undefined, ipAddress: "10.9.9.9" }), /never fetches activation keys/);
        assert.deepStrictEqual(
            readJsonLines<LogRecord>(log).filter((r) => r.type === AGENT),
            [],
        );
    });

    it("refuses a key that was already used, across processes (the log is the memory)", async () => {
        const { sg, e } = await endpoint();
        await aws.create(urn(AGENT, "a"), agentInputs(e, sg, "10.0.2.10"));
        const again = new AwsDouble();
        await rejects(again.create(urn(AGENT, "b"), agentInputs(e, sg, "10.0.2.10")), /already been used/);
    });

    it("checks known values in previews and skips unknowns", async () => {
        const ok = await aws.check(urn(AGENT, "a"), {}, { activationKey: UNKNOWN, vpcEndpointId: UNKNOWN, subnetArns: UNKNOWN, securityGroupArns: UNKNOWN, privateLinkEndpoint: UNKNOWN });
        assert.deepStrictEqual(ok.failures, []);
        const bad = await aws.check(urn(ENDPOINT, "e"), {}, { vpcId: "vpc-404", serviceName: UNKNOWN, vpcEndpointType: "Interface", subnetIds: UNKNOWN });
        assert.deepStrictEqual(
            bad.failures!.map((f) => f.property),
            ["vpcId"],
        );
        const unknownType = await aws.check(urn("aws:s3/bucket:Bucket", "b"), {}, {});
        assert.match(unknownType.failures![0].reason, /does not implement the resource type aws:s3\/bucket:Bucket/);
    });

    it("diffs like the provider: tags update in place, a new key or endpoint replaces the agent", async () => {
        // Olds are the last outputs (inputs plus computed values); news are inputs only.
        const inputs = { ...agentInputs({ id: "vpce-00000000000000001" }, { outs: { arn: "sg-arn" } }, "10.0.2.10"), tags: { a: "1" } };
        const olds = { ...inputs, arn: "arn:x", tagsAll: { a: "1" } };
        const tag = await aws.diff("arn:x", urn(AGENT, "a"), olds, { ...inputs, tags: { a: "2" } });
        assert.deepStrictEqual([tag.changes, tag.replaces], [true, []]);
        const key = await aws.diff("arn:x", urn(AGENT, "a"), olds, { ...inputs, activationKey: secret("K7Q2M-PL9XZ-A4B8C-QW3RT-55XYZ") });
        assert.deepStrictEqual(key.replaces, ["activationKey"]);
        const endpoint = await aws.diff("arn:x", urn(AGENT, "a"), olds, { ...inputs, vpcEndpointId: "vpce-00000000000000002" });
        assert.deepStrictEqual(endpoint.replaces, ["vpcEndpointId"]);
        const none = await aws.diff("arn:x", urn(AGENT, "a"), olds, inputs);
        assert.strictEqual(none.changes, false);
    });

    it("refuses to delete a security group something still uses (DependencyViolation)", async () => {
        const { sg, e } = await endpoint();
        const rule = await aws.create(urn(RULE, "r"), { securityGroupId: sg.id, cidrIpv4: "10.0.0.5/32", ipProtocol: "tcp", fromPort: 443, toPort: 443 });
        await rejects(aws.delete(sg.id, urn(SG, "sg"), sg.outs), /DependencyViolation/);
        await aws.delete(rule.id, urn(RULE, "r"), rule.outs);
        await aws.delete(e.id, urn(ENDPOINT, "ep"), e.outs);
        await aws.delete(sg.id, urn(SG, "sg"), sg.outs);
        await rejects(aws.create(urn(RULE, "r2"), { securityGroupId: sg.id, cidrIpv4: "10.0.0.5/32", ipProtocol: "tcp", fromPort: 443, toPort: 443 }), /InvalidGroup\.NotFound/);
    });
});

describe("command test double", () => {
    const cmd = new CommandDouble();
    const LOCAL = urn("command:local:Command", "c");

    it("runs create under /bin/sh with the environment and stdin, capturing stdout and stderr", async () => {
        const r = await cmd.create(LOCAL, { create: 'read line; printf "%s-%s" "$GREETING" "$line"; echo oops >&2', environment: { GREETING: secret("hi") }, stdin: "there\n" });
        assert.strictEqual(r.outs.stdout, "hi-there");
        assert.strictEqual(r.outs.stderr, "oops\n");
        assert.deepStrictEqual(r.outs.environment, { GREETING: secret("hi") }, "inputs are kept as they came, secrets included");
    });

    it("fails on a non-zero exit with stderr in the error and never stdout", async () => {
        const err = await rejects(cmd.create(LOCAL, { create: "echo SECRETOUT; echo 'it broke' >&2; exit 4" }), /exited with status 4[\s\S]*it broke/);
        assert.ok(!err.message.includes("SECRETOUT"));
    });

    it("replaces on a trigger change (or an unknown trigger), updates on other changes", async () => {
        const olds = { create: "true", triggers: ["a"], environment: { X: "1" }, stdout: "o", stderr: "" };
        assert.deepStrictEqual(await cmd.diff("id", LOCAL, olds, { create: "true", triggers: ["b"], environment: { X: "1" } }), { changes: true, replaces: ["triggers"] });
        assert.deepStrictEqual(await cmd.diff("id", LOCAL, olds, { create: "true", triggers: [UNKNOWN], environment: { X: "1" } }), { changes: true, replaces: ["triggers"] });
        assert.deepStrictEqual(await cmd.diff("id", LOCAL, olds, { create: "true", triggers: ["a"], environment: { X: "2" } }), { changes: true, replaces: [] });
        assert.deepStrictEqual(await cmd.diff("id", LOCAL, olds, { create: "true", triggers: ["a"], environment: { X: "1" } }), { changes: false, replaces: [] });
    });

    it("runs update (else create) on update, with the previous output in the environment", async () => {
        const u = await cmd.update("id", LOCAL, { create: "echo c", stdout: "before" }, { create: "echo c", update: 'echo "u:$PULUMI_COMMAND_STDOUT"' });
        assert.strictEqual(u.outs.stdout, "u:before\n");
        const c = await cmd.update("id", LOCAL, { create: "echo c", stdout: "before" }, { create: "echo again" });
        assert.strictEqual(c.outs.stdout, "again\n");
    });

    it("stubs command:remote:Command: it never opens SSH connections", async () => {
        await rejects(cmd.create(urn("command:remote:Command", "r"), { connection: { host: "10.0.0.1" }, create: "true" }), /not available in the command test double/);
    });
});
