// An on-premises agent (an existing VM by address) over routing already in place (Direct Connect
// or VPN): the endpoint, its group, the fleet's ingress rules, the activation and CreateAgent.
import * as assert from "assert";
import { ACCOUNT, DST, REGION } from "../fixtures/aws";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { built, KEY, recorder, resolve, SECRET_SIG, SECRET_VALUE } from "./harness";

describe("PrivateAgent: on-premises agent over an existing link", () => {
    let fleet: PrivateAgent;
    before(async () => {
        recorder.reset();
        fleet = new PrivateAgent("dsync", {
            vpcId: DST.vpc,
            endpointSubnetIds: [DST.subnetA],
            agents: [{ name: "onprem1", address: "192.168.10.5" }],
            link: { mode: "existing", sourceCidrBlocks: ["192.168.0.0/16"], destinationCidrBlocks: ["10.0.0.0/16"] },
            tags: { team: "storage" },
        });
        await built(fleet, fleet.agentArn, fleet.firewallRules);
    });

    it("creates exactly the endpoint, its group, one rule per port for the agent, the activation and the agent", () => {
        assert.deepStrictEqual(recorder.inventory(), [
            "aws:datasync/agent:Agent dsync-onprem1-agent",
            "aws:ec2/securityGroup:SecurityGroup dsync-sg",
            "aws:ec2/vpcEndpoint:VpcEndpoint dsync-endpoint",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule dsync-in-agent-onprem1-1024-1064",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule dsync-in-agent-onprem1-443",
            "command:local:Command dsync-onprem1-activation",
            "datasync-privatelink:index:Agent dsync-onprem1",
            "datasync-privatelink:index:NetworkLink dsync",
            "datasync-privatelink:index:PrivateAgent dsync",
            "datasync-privatelink:index:ServiceEndpoint dsync",
        ]);
    });

    it("makes an interface endpoint for DataSync in the endpoint Region with private DNS off", () => {
        const e = recorder.named("dsync-endpoint");
        assert.deepStrictEqual(
            { ...e.inputs, securityGroupIds: undefined },
            {
                vpcId: DST.vpc,
                vpcEndpointType: "Interface",
                serviceName: `com.amazonaws.${REGION}.datasync`,
                privateDnsEnabled: false,
                subnetIds: [DST.subnetA],
                securityGroupIds: undefined,
                tags: { Name: "dsync-endpoint", team: "storage" },
            },
        );
        assert.deepStrictEqual(e.inputs.securityGroupIds, [recorder.named("dsync-sg").id]);
        assert.deepStrictEqual(e.at, { account: ACCOUNT, region: REGION });
    });

    it("opens the endpoint group to the agent's /32 on 443 and 1024-1064 only, with no egress", () => {
        const rules = recorder.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.inputs);
        const group = recorder.named("dsync-sg");
        assert.deepStrictEqual(rules.map((r) => [r.securityGroupId, r.cidrIpv4, r.referencedSecurityGroupId, r.ipProtocol, r.fromPort, r.toPort]).sort(), [
            [group.id, "192.168.10.5/32", undefined, "tcp", 1024, 1064],
            [group.id, "192.168.10.5/32", undefined, "tcp", 443, 443],
        ]);
        assert.strictEqual(recorder.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").length, 0);
        assert.deepStrictEqual(group.inputs, {
            namePrefix: "dsync-endpoint-",
            vpcId: DST.vpc,
            description: "DataSync interface endpoint and task network interfaces: agents in on 443 and 1024-1064",
            tags: { Name: "dsync-sg", team: "storage" },
        });
    });

    it("activates from the local machine against the endpoint IP in the activation subnet; the command text only names the script", () => {
        const c = recorder.named("dsync-onprem1-activation").inputs;
        assert.deepStrictEqual(c.environment, {
            AGENT_ADDRESS: "192.168.10.5",
            ACTIVATION_REGION: REGION,
            ENDPOINT_TYPE: "PRIVATE_LINK",
            PRIVATE_LINK_ENDPOINT: "10.0.1.10",
            ACTIVATION_TIMEOUT_SECONDS: "600",
            ACTIVATION_REQUEST_TIMEOUT_SECONDS: "10",
        });
        assert.strictEqual(c.logging, "stderr");
        assert.strictEqual(c.create, 'exec /bin/sh "${XDG_CACHE_HOME:-$HOME/.cache}/datasync-privatelink/activate.sh"');
    });

    it("registers the agent with the secret key, the endpoint, one subnet ARN and one group ARN, and no privateLinkEndpoint", async () => {
        const a = recorder.named("dsync-onprem1-agent").inputs;
        assert.deepStrictEqual(a, {
            name: "onprem1",
            activationKey: { [SECRET_SIG]: SECRET_VALUE, value: KEY },
            vpcEndpointId: recorder.named("dsync-endpoint").id,
            subnetArns: [`arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${DST.subnetA}`],
            securityGroupArns: [recorder.named("dsync-sg").state!.arn],
            tags: { team: "storage" },
        });
        assert.match(await resolve(fleet.agentArn), new RegExp(`^arn:aws:datasync:${REGION}:${ACCOUNT}:agent/`));
    });

    it("reports the firewall flows an on-premises change request needs", async () => {
        assert.deepStrictEqual(await resolve(fleet.firewallRules), [
            {
                from: "the machine running Pulumi",
                to: "192.168.10.5",
                protocol: "tcp",
                ports: "80",
                purpose: "activation key request to the agent (closes after activation)",
            },
            {
                from: "192.168.10.5",
                to: "10.0.1.10",
                protocol: "tcp",
                ports: "443",
                purpose: "agent to DataSync endpoint: activation and endpoint registration",
            },
            { from: "192.168.10.5", to: "10.0.1.10", protocol: "tcp", ports: "1024-1064", purpose: "agent to DataSync endpoint: control traffic" },
            { from: "192.168.10.5", to: "10.0.1.0/24", protocol: "tcp", ports: "443", purpose: "agent to task network interfaces: data transfer" },
            {
                from: "192.168.0.0/16",
                to: "10.0.0.0/16",
                protocol: "tcp",
                ports: "443",
                purpose: "agent to DataSync endpoint: activation and endpoint registration",
            },
            { from: "192.168.0.0/16", to: "10.0.0.0/16", protocol: "tcp", ports: "1024-1064", purpose: "agent to DataSync endpoint: control traffic" },
        ]);
    });
});
