// The AWS double's EC2 instances, through the engine.
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { AMI, DST, REGION } from "../../fixtures/aws";
import { Lab, reasonsOf, recordsOf, refusals, steps } from "./lab";
import { INSTANCE_TYPE, labWorld, providers, W } from "./world";

const base = { ami: AMI.basic, instanceType: INSTANCE_TYPE, subnetId: DST.subnetA };

describe("AWS double through the engine: EC2 instances", function () {
    this.timeout(300_000);
    let lab: Lab;

    before(() => {
        lab = new Lab(labWorld());
    });
    after(() => lab?.close());

    it("Check: instance type and AMI (or a launch template) required, userData conflicts with userDataBase64, httpTokens enumerated", async () => {
        const runs = await lab.previewEach("i-schema", {
            bare: () => new aws.ec2.Instance("bare", { subnetId: DST.subnetA }),
            "user-data": () =>
                new aws.ec2.Instance("user-data", { ...base, userData: "a", userDataBase64: "Yg==", metadataOptions: { httpTokens: "sometimes" } }),
        });
        const reasons = reasonsOf(runs);
        assert.match(reasons("bare"), /"instance_type": one of `instance_type,launch_template` must be specified/);
        assert.match(reasons("bare"), /"ami": one of `ami,launch_template` must be specified/);
        assert.match(reasons("user-data"), /"user_data": conflicts with user_data_base64/);
        assert.match(reasons("user-data"), /http_tokens to be one of \["optional" "required"\], got sometimes/);
    });

    it("create: RunInstances' refusals (subnet of another account, AMI of another Region, architecture, zone offering, groups, addresses)", async () => {
        const r = await lab.up("i-service", () => {
            const p = providers();
            new aws.ec2.Instance("other-account", base, { provider: p.source });
            // The us-east-1 AMI does not exist in eu-west-2.
            new aws.ec2.Instance("other-region-ami", { ...base, ami: W.usAmi });
            new aws.ec2.Instance("malformed-ami", { ...base, ami: "image-1" });
            new aws.ec2.Instance("arm-type-x86-ami", { ...base, instanceType: "m6g.2xlarge" });
            new aws.ec2.Instance("unknown-type", { ...base, instanceType: "z9.mega" });
            new aws.ec2.Instance("not-offered", { ...base, subnetId: W.subnetTasks });
            new aws.ec2.Instance("foreign-group", { ...base, vpcSecurityGroupIds: [W.group2] });
            const six = Array.from({ length: 6 }, (_, n) => new aws.ec2.SecurityGroup(`i-six-${n}`, { vpcId: DST.vpc, name: `i-six-${n}` }).id);
            new aws.ec2.Instance("six-groups", { ...base, vpcSecurityGroupIds: six });
            new aws.ec2.Instance("wrong-zone", { ...base, availabilityZone: `${REGION}b` });
            new aws.ec2.Instance("ip-outside", { ...base, privateIp: "10.0.2.9" });
            new aws.ec2.Instance("full", { ...base, instanceType: "t3.micro", subnetId: W.subnetFull });
            // An arm64 AMI on an arm64 type is fine.
            new aws.ec2.Instance("arm", { ...base, ami: AMI.arm, instanceType: "m6g.2xlarge" });
        });
        const refused = refusals(r);
        const is = (name: string, re: RegExp) => assert.match(refused.get(name) ?? `(${name} was not refused)`, re);
        is("other-account", /creating EC2 Instance \(other-account\): operation error EC2: RunInstances, api error InvalidSubnetID\.NotFound/);
        is("other-region-ami", /InvalidAMIID\.NotFound: The image id '\[ami-0e15000000000b001\]' does not exist/);
        is("malformed-ami", /InvalidAMIID\.Malformed/);
        is(
            "arm-type-x86-ami",
            /InvalidParameterValue: The architecture 'arm64' of the specified instance type does not match the architecture 'x86_64' of the specified AMI/,
        );
        is("unknown-type", /InvalidParameterValue: Invalid value 'z9\.mega' for InstanceType/);
        is("not-offered", /Unsupported: Your requested instance type \(m5\.2xlarge\) is not supported in your requested Availability Zone \(eu-west-2c\)/);
        is("foreign-group", /InvalidParameter: Security group sg-0d570000000000a02 and subnet subnet-0d5700000000000a1 belong to different networks/);
        is("six-groups", /SecurityGroupsPerInterfaceLimitExceeded/);
        is("wrong-zone", /InvalidParameterValue: Value \(eu-west-2b\) for parameter availabilityZone is invalid/);
        is("ip-outside", /Address 10\.0\.2\.9 does not fall within the subnet's address range/);
        is("full", /InsufficientFreeAddressesInSubnet/);
        assert.ok(!refused.has("arm"), refused.get("arm"));
        const arm = recordsOf(r, "arm").find((l) => l.op === "create")!;
        assert.strictEqual(arm.interfaces!.length, 1, "the instance's primary interface takes an address of its subnet");
        assert.strictEqual(arm.interfaces![0].subnetId, DST.subnetA);
    });

    it("diff: ami, subnetId, keyName and associatePublicIpAddress replace, as does an encrypted root volume change; instanceType and groups update in place", async () => {
        const program = (v: number) => () => {
            new aws.ec2.Instance("d-type", { ...base, instanceType: v === 1 ? "m5.2xlarge" : "m5.4xlarge" });
            new aws.ec2.Instance("d-subnet", { ...base, subnetId: v === 1 ? DST.subnetA : DST.subnetB });
            new aws.ec2.Instance("d-key", { ...base, keyName: v === 1 ? "k1" : "k2" });
            new aws.ec2.Instance("d-root", { ...base, rootBlockDevice: { encrypted: v === 1, volumeSize: 80 } });
            new aws.ec2.Instance("d-size", { ...base, rootBlockDevice: { encrypted: true, volumeSize: v === 1 ? 80 : 100 } });
            new aws.ec2.Instance("d-groups", { ...base, vpcSecurityGroupIds: v === 1 ? [W.group] : [] });
            new aws.ec2.Instance("d-userdata", { ...base, userData: `echo ${v}`, userDataReplaceOnChange: true });
        };
        const first = await lab.up("i-diff", program(1));
        assert.ok(first.ok, first.text);
        const s = steps(await lab.preview("i-diff", program(2)));
        assert.deepStrictEqual(s.get("d-type"), { op: "update", keys: [], diffs: ["instanceType"] });
        assert.deepStrictEqual(s.get("d-subnet"), { op: "replace", keys: ["subnetId"], diffs: ["subnetId"] });
        assert.deepStrictEqual(s.get("d-key"), { op: "replace", keys: ["keyName"], diffs: ["keyName"] });
        assert.deepStrictEqual(s.get("d-root"), { op: "replace", keys: ["rootBlockDevice"], diffs: ["rootBlockDevice"] });
        assert.deepStrictEqual(s.get("d-size"), { op: "update", keys: [], diffs: ["rootBlockDevice"] });
        assert.deepStrictEqual(s.get("d-groups"), { op: "update", keys: [], diffs: ["vpcSecurityGroupIds"] });
        assert.deepStrictEqual(s.get("d-userdata"), { op: "replace", keys: ["userData"], diffs: ["userData"] });
    });
});
