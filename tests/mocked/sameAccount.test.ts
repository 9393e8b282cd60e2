import * as assert from "assert";
import { KEY, recorder, resolve, SECRET_SIG, SECRET_VALUE, settle } from "./harness";
import { PrivateAgent } from "../../provider/src/components/privateAgent";

describe("PrivateAgent, same account, on-prem agent by address", () => {
    let agent: PrivateAgent;
    before(async () => {
        recorder.reset();
        agent = new PrivateAgent("dsync", {
            vpcId: "vpc-dst",
            endpointSubnetIds: ["subnet-dst-a"],
            agents: [{ name: "onprem1", address: "192.168.10.5" }],
            link: { mode: "existing", sourceCidrBlocks: ["192.168.0.0/16"], destinationCidrBlocks: ["10.0.0.0/16"] },
            tags: { team: "storage" },
        });
        await settle(agent.agentArn, agent.firewallRules);
    });

    it("creates exactly the endpoint, its group, the agent's rules, the activation and the agent", () => {
        const types = recorder.resources.map((r) => `${r.type} ${r.name}`).sort();
        assert.deepStrictEqual(types, [
            "aws:datasync/agent:Agent dsync-onprem1-agent",
            "aws:ec2/securityGroup:SecurityGroup dsync-sg",
            "aws:ec2/vpcEndpoint:VpcEndpoint dsync-endpoint",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule dsync-onprem1-endpoint-in-s0-1024-1064",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule dsync-onprem1-endpoint-in-s0-443",
            "command:local:Command dsync-onprem1-activation",
            "datasync-privatelink:index:Agent dsync-onprem1",
            "datasync-privatelink:index:NetworkLink dsync",
            "datasync-privatelink:index:PrivateAgent dsync",
            "datasync-privatelink:index:ServiceEndpoint dsync",
        ]);
    });

    it("makes an interface endpoint for DataSync in the endpoint Region with private DNS off", () => {
        const e = recorder.named("dsync-endpoint").inputs;
        assert.strictEqual(e.serviceName, "com.amazonaws.eu-west-2.datasync");
        assert.strictEqual(e.vpcEndpointType, "Interface");
        assert.strictEqual(e.privateDnsEnabled, false);
        assert.deepStrictEqual(e.subnetIds, ["subnet-dst-a"]);
        assert.strictEqual(e.vpcId, "vpc-dst");
        assert.strictEqual(e.securityGroupIds.length, 1);
    });

    it("opens the endpoint group to the agent's /32 on 443 and 1024-1064 only", () => {
        const rules = recorder.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => [r.inputs.cidrIpv4, r.inputs.ipProtocol, r.inputs.fromPort, r.inputs.toPort]);
        assert.deepStrictEqual(rules.sort(), [
            ["192.168.10.5/32", "tcp", 1024, 1064],
            ["192.168.10.5/32", "tcp", 443, 443],
        ]);
        assert.strictEqual(recorder.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").length, 0);
        const sg = recorder.named("dsync-sg").inputs;
        assert.strictEqual(sg.ingress, undefined);
        assert.strictEqual(sg.egress, undefined);
    });

    it("activates from the local machine against the endpoint IP in the activation subnet, with the key kept secret", () => {
        const c = recorder.named("dsync-onprem1-activation").inputs;
        assert.deepStrictEqual(c.environment, {
            AGENT_ADDRESS: "192.168.10.5",
            ACTIVATION_REGION: "eu-west-2",
            ENDPOINT_TYPE: "PRIVATE_LINK",
            PRIVATE_LINK_ENDPOINT: "10.0.1.10",
            ACTIVATION_TIMEOUT_SECONDS: "600",
            ACTIVATION_REQUEST_TIMEOUT_SECONDS: "10",
        });
        assert.strictEqual(c.logging, "stderr");
        assert.match(c.create, /no_redirect/);
    });

    it("registers the agent with the key, the endpoint, one subnet ARN and one group ARN", async () => {
        const a = recorder.named("dsync-onprem1-agent").inputs;
        // The key reaches the agent as a secret, never as plain text in state.
        assert.deepStrictEqual(a.activationKey, { [SECRET_SIG]: SECRET_VALUE, value: KEY });
        assert.strictEqual(a.name, "onprem1");
        assert.match(a.vpcEndpointId, /^vpce-[0-9a-f]{17}$/);
        // Not privateLinkEndpoint: the provider refuses it beside activationKey (ConflictsWith); the IP belongs in the activation URL only.
        assert.ok(!("privateLinkEndpoint" in a), "privateLinkEndpoint is passed to aws.datasync.Agent");
        assert.deepStrictEqual(a.subnetArns, ["arn:aws:ec2:eu-west-2:111111111111:subnet/subnet-dst-a"]);
        assert.strictEqual(a.securityGroupArns.length, 1);
        assert.match(a.securityGroupArns[0], /:security-group\/sg-/);
        assert.deepStrictEqual(a.tags, { team: "storage" });
        assert.match(await resolve(agent.agentArn), /^arn:aws:datasync:eu-west-2:111111111111:agent\//);
    });

    it("reports the firewall flows an on-prem change request needs", async () => {
        assert.deepStrictEqual(await resolve(agent.firewallRules), [
            { from: "the machine running Pulumi", to: "192.168.10.5", protocol: "tcp", ports: "80", purpose: "activation key request to the agent (closes after activation)" },
            { from: "192.168.10.5", to: "10.0.1.10", protocol: "tcp", ports: "443", purpose: "agent to DataSync endpoint: activation and endpoint registration" },
            { from: "192.168.10.5", to: "10.0.1.10", protocol: "tcp", ports: "1024-1064", purpose: "agent to DataSync endpoint: control traffic" },
            { from: "192.168.10.5", to: "10.0.1.0/24", protocol: "tcp", ports: "443", purpose: "agent to task network interfaces: data transfer" },
        ]);
    });
});
