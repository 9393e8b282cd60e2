import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { ec2AgentHardened } from "../../policy/policies";
import { check, single, UNKNOWN_STRING } from "./fixtures";

const HARDENED = {
    ami: "ami-0a1b2c3d4e5f60718",
    instanceType: "m5.2xlarge",
    subnetId: "subnet-0a1b2c3d4e5f60718",
    associatePublicIpAddress: false,
    metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
    rootBlockDevice: { encrypted: true, volumeSize: 80 },
    tags: { Name: "datasync-agent" },
};

const vm = (props: Record<string, unknown>) => single(TYPES.instance, { ...HARDENED, ...props }, { name: "agent-vm" });
const S = 'DataSync agent instance "agent-vm"';

describe("policy 7: datasync-ec2-agent-hardening", () => {
    it("passes a hardened 2xlarge agent", async () => {
        const o = await check(ec2AgentHardened, vm({}));
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags a public IP", async () => {
        const o = await check(ec2AgentHardened, vm({ associatePublicIpAddress: true }));
        assert.deepStrictEqual(o.messages, [
            `${S} gets a public IP (associatePublicIpAddress: true). A VPC-endpoint agent needs none. Set associatePublicIpAddress to false.`,
        ]);
    });

    it("flags associatePublicIpAddress left unset (the subnet decides)", async () => {
        const o = await check(ec2AgentHardened, vm({ associatePublicIpAddress: undefined }));
        assert.deepStrictEqual(o.messages, [
            `${S} does not set associatePublicIpAddress, so it gets a public IP whenever its subnet auto-assigns them. Set associatePublicIpAddress to false.`,
        ]);
    });

    it("flags IMDSv1 (httpTokens optional or unset)", async () => {
        const optional = await check(ec2AgentHardened, vm({ metadataOptions: { httpTokens: "optional" } }));
        assert.deepStrictEqual(optional.messages, [
            `${S} does not require IMDSv2 (metadataOptions.httpTokens is "optional"). Set metadataOptions.httpTokens to "required".`,
        ]);
        const unset = await check(ec2AgentHardened, vm({ metadataOptions: undefined }));
        assert.deepStrictEqual(unset.messages, [
            `${S} does not require IMDSv2 (metadataOptions.httpTokens is unset). Set metadataOptions.httpTokens to "required".`,
        ]);
    });

    it("flags an unencrypted root volume", async () => {
        const o = await check(ec2AgentHardened, vm({ rootBlockDevice: { encrypted: false } }));
        assert.deepStrictEqual(o.messages, [
            `${S} has an unencrypted root volume (rootBlockDevice.encrypted is false). Set rootBlockDevice.encrypted to true.`,
        ]);
    });

    it("flags instances smaller than 2xlarge, and accepts larger and metal", async () => {
        const small = await check(ec2AgentHardened, vm({ instanceType: "m5.xlarge" }));
        assert.deepStrictEqual(small.messages, [
            `${S} uses instance type m5.xlarge: DataSync agents need at least a 2xlarge. Use m5.2xlarge (Basic) or m6a.2xlarge (Enhanced), or larger.`,
        ]);
        for (const ok of ["m6a.2xlarge", "m5.4xlarge", "m5.metal"]) {
            assert.deepStrictEqual((await check(ec2AgentHardened, vm({ instanceType: ok }))).messages, [], ok);
        }
    });

    it("flags an arm64 (Graviton) type, which cannot boot the x86_64 agent AMI", async () => {
        const o = await check(ec2AgentHardened, vm({ instanceType: "m6g.2xlarge" }));
        assert.deepStrictEqual(o.messages, [
            `${S} uses instance type m6g.2xlarge: the m6g family is arm64 (AWS Graviton), but the DataSync agent AMI is x86_64 and will not boot on it. ` +
                "Use m5.2xlarge (Basic) or m6a.2xlarge (Enhanced), or larger.",
        ]);
        for (const arm of ["m7g.4xlarge", "c6gn.8xlarge", "r8g.2xlarge", "t4g.2xlarge", "a1.4xlarge"]) {
            assert.match((await check(ec2AgentHardened, vm({ instanceType: arm }))).messages.join("\n"), /is arm64 \(AWS Graviton\)/, arm);
        }
    });

    it("flags a 2xlarge with less than 32 GiB (compute optimized), and passes one with enough", async () => {
        const o = await check(ec2AgentHardened, vm({ instanceType: "c5.2xlarge" }));
        assert.deepStrictEqual(o.messages, [
            `${S} uses instance type c5.2xlarge: it has 16 GiB of memory; a DataSync agent needs at least 32 GiB. Use m5.2xlarge (Basic) or m6a.2xlarge (Enhanced), or larger.`,
        ]);
        for (const ok of ["c5.4xlarge", "c6i.9xlarge", "r5.2xlarge", "t3.2xlarge", "m7i.2xlarge"]) {
            assert.deepStrictEqual((await check(ec2AgentHardened, vm({ instanceType: ok }))).messages, [], ok);
        }
    });

    it("does not judge architecture or memory of types its table does not list (a heuristic)", async () => {
        for (const unlisted of ["c5n.2xlarge", "x2gd.2xlarge", "m9z.2xlarge", "m6g.metal"]) {
            const o = await check(ec2AgentHardened, vm({ instanceType: unlisted }));
            assert.ok(!o.messages.some((m) => /GiB of memory/.test(m)), unlisted);
            assert.strictEqual(
                o.messages.some((m) => /arm64/.test(m)),
                unlisted === "m6g.metal",
                unlisted,
            );
        }
    });

    it("reports every problem of a default-configured instance", async () => {
        const o = await check(
            ec2AgentHardened,
            single(TYPES.instance, { ami: HARDENED.ami, instanceType: "t3.medium", tags: { Role: "DataSync agent" } }, { name: "agent-vm" }),
        );
        assert.strictEqual(o.messages.length, 4);
    });

    it("does not guess settings a launch template may provide, but still flags explicit bad values", async () => {
        const o = await check(
            ec2AgentHardened,
            single(
                TYPES.instance,
                { launchTemplate: { id: "lt-0a1b2c3d4e5f60718" }, tags: { Name: "datasync-agent" }, associatePublicIpAddress: true },
                { name: "agent-vm" },
            ),
        );
        assert.deepStrictEqual(o.messages, [
            `${S} gets a public IP (associatePublicIpAddress: true). A VPC-endpoint agent needs none. Set associatePublicIpAddress to false.`,
        ]);
    });

    it("skips values not known at preview", async () => {
        const o = await check(ec2AgentHardened, vm({ instanceType: UNKNOWN_STRING, metadataOptions: { httpTokens: UNKNOWN_STRING } }));
        assert.deepStrictEqual(o.messages, []);
    });

    it("recognises an untagged agent by a configured AMI, and ignores other instances", async () => {
        const untagged = single(TYPES.instance, { ...HARDENED, tags: { Name: "vm-1" }, instanceType: "m5.large" }, { name: "agent-vm" });
        const ignored = await check(ec2AgentHardened, untagged);
        assert.match(ignored.notApplicable ?? "", /not recognised as a DataSync agent/);
        const byAmi = await check(ec2AgentHardened, untagged, { [ec2AgentHardened.name]: { agentAmiIds: [HARDENED.ami] } });
        assert.strictEqual(byAmi.notApplicable, undefined);
        assert.strictEqual(byAmi.messages.length, 1);
        assert.match(byAmi.messages[0], /uses instance type m5\.large/);
    });
});
