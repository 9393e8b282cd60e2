import * as assert from "assert";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { recorder, resolve, settle } from "./harness";

describe("PrivateAgent, same account, EC2 agent", () => {
    let agent: PrivateAgent;
    before(async () => {
        recorder.reset();
        agent = new PrivateAgent("dsync", {
            vpcId: "vpc-dst",
            endpointSubnetIds: ["subnet-dst-a", "subnet-dst-b"],
            activationSubnetId: "subnet-dst-b",
            agents: [{ name: "ec2", instance: { subnetId: "subnet-dst-b" } }],
            activationSourceCidrs: ["10.0.200.10/32"],
        });
        await settle(agent.agentArn, agent.firewallRules);
    });

    it("launches the agent from the Basic AMI parameter, hardened, with the AMI pinned", () => {
        const i = recorder.named("dsync-ec2-instance").inputs;
        assert.strictEqual(i.ami, "ami-0basic0000000000");
        assert.strictEqual(i.instanceType, "m5.2xlarge");
        assert.strictEqual(i.associatePublicIpAddress, false);
        assert.deepStrictEqual(i.metadataOptions, { httpEndpoint: "enabled", httpTokens: "required" });
        assert.deepStrictEqual(i.rootBlockDevice, { encrypted: true, volumeSize: 80, volumeType: "gp3" });
        assert.strictEqual(i.subnetId, "subnet-dst-b");
        assert.strictEqual(i.vpcSecurityGroupIds.length, 1);
        const ssm = recorder.invokes.filter((x) => x.token === "aws:ssm/getParameter:getParameter");
        assert.deepStrictEqual(ssm.map((x) => x.args.name), ["/aws/service/datasync/ami"]);
    });

    it("opens port 80 only from the activation source and egress only to the endpoint IP and task subnet", () => {
        const rules = (type: string, prefix: string) =>
            recorder
                .ofType(type)
                .filter((r) => r.name.startsWith(prefix))
                .map((r) => `${r.inputs.cidrIpv4} ${r.inputs.fromPort}-${r.inputs.toPort}`)
                .sort();
        assert.deepStrictEqual(rules("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "dsync-ec2-agent-"), ["10.0.200.10/32 80-80"]);
        assert.deepStrictEqual(rules("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "dsync-ec2-agent-"), [
            "10.0.2.0/24 443-443",
            "10.0.2.10/32 1024-1064",
            "10.0.2.10/32 443-443",
        ]);
        assert.deepStrictEqual(rules("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "dsync-ec2-endpoint-"), ["10.20.1.15/32 1024-1064", "10.20.1.15/32 443-443"]);
    });

    it("uses the endpoint interface in the activation subnet, not the first one", async () => {
        assert.strictEqual(await resolve(agent.endpointPrivateIp), "10.0.2.10");
        const c = recorder.named("dsync-ec2-activation").inputs;
        assert.strictEqual(c.environment.PRIVATE_LINK_ENDPOINT, "10.0.2.10");
        assert.strictEqual(c.environment.AGENT_ADDRESS, "10.20.1.15");
        const a = recorder.named("dsync-ec2-agent").inputs;
        assert.deepStrictEqual(a.subnetArns, ["arn:aws:ec2:eu-west-2:111111111111:subnet/subnet-dst-b"]);
    });

    it("lists the activation source in the firewall table", async () => {
        const rows = await resolve(agent.firewallRules);
        assert.deepStrictEqual(rows[0], { from: "10.0.200.10/32", to: "10.20.1.15", protocol: "tcp", ports: "80", purpose: "activation key request to the agent (closes after activation)" });
        assert.strictEqual(rows.length, 4);
    });
});

describe("PrivateAgent, Enhanced EC2 agent", () => {
    before(async () => {
        recorder.reset();
        const agent = new PrivateAgent("enh", {
            vpcId: "vpc-dst",
            endpointSubnetIds: ["subnet-dst-a"],
            agentMode: "enhanced",
            agents: [{ name: "a", instance: { subnetId: "subnet-dst-a" } }],
            activationSourceCidrs: ["10.0.200.10"],
        });
        await settle(agent.agentArn);
    });

    it("uses the v3 AMI parameter and m6a.2xlarge", () => {
        const i = recorder.named("enh-a-instance").inputs;
        assert.strictEqual(i.ami, "ami-0enhanced000000");
        assert.strictEqual(i.instanceType, "m6a.2xlarge");
    });
});
