import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { noWorldIngress } from "../../policy/policies";
import { ingress, network } from "./builders";
import { check, ref } from "./fixtures";

describe("policy 3: datasync-no-world-ingress", () => {
    it("passes endpoint rules from the agent's /32 and agent port 80 from a jump host", async () => {
        const n = network();
        ingress(n, "ep-443", n.endpointSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.1.1.10/32" });
        ingress(n, "ep-control", n.endpointSg, { ipProtocol: "tcp", fromPort: 1024, toPort: 1064, cidrIpv4: "10.1.1.10/32" });
        ingress(n, "agent-80", n.agentSg, { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "10.1.0.10/32" });
        const o = await check(noWorldIngress, n.s.resources);
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags an inline ingress block from 0.0.0.0/0 on the endpoint's group", async () => {
        const n = network();
        n.endpointSg.props.ingress = [
            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.1.1.10/32"] },
            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
        ];
        const o = await check(noWorldIngress, n.s.resources);
        assert.deepStrictEqual(o.violations, [
            {
                message:
                    'aws.ec2.SecurityGroup "endpoint-sg" ingress[1] allows TCP 443 from 0.0.0.0/0 into security group aws.ec2.SecurityGroup "endpoint-sg", ' +
                    'which guards DataSync endpoint aws.ec2.VpcEndpoint "endpoint". ' +
                    "Nothing on the internet needs to reach it; allow only the agents' or the activation host's addresses.",
                urn: n.endpointSg.urn,
            },
        ]);
    });

    it("flags an aws.ec2.SecurityGroupRule from ::/0 on the agent's group", async () => {
        const n = network();
        const rule = n.s.add(TYPES.securityGroupRule, "agent-v6", {
            type: "ingress",
            securityGroupId: ref(n.agentSg),
            protocol: "tcp",
            fromPort: 80,
            toPort: 80,
            ipv6CidrBlocks: ["::/0"],
        });
        const o = await check(noWorldIngress, n.s.resources);
        assert.strictEqual(o.violations.length, 1);
        assert.strictEqual(o.violations[0].urn, rule.urn);
        assert.match(
            o.messages[0],
            /^aws\.ec2\.SecurityGroupRule "agent-v6" allows TCP 80 from ::\/0 into security group aws\.ec2\.SecurityGroup "agent-sg", which guards DataSync agent instance aws\.ec2\.Instance "agent-vm"\./,
        );
    });

    it("flags an all-protocols aws.vpc.SecurityGroupIngressRule from the world", async () => {
        const n = network();
        ingress(n, "agent-all", n.agentSg, { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" });
        const o = await check(noWorldIngress, n.s.resources);
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /"agent-all" allows all traffic \(protocol -1\) from 0\.0\.0\.0\/0/);
    });

    it("treats any /0 as the world (10.0.0.0/0, 0::/0)", async () => {
        const n = network();
        ingress(n, "odd-v4", n.endpointSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.0.0.0/0" });
        ingress(n, "odd-v6", n.endpointSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "0::/0" });
        const o = await check(noWorldIngress, n.s.resources);
        assert.strictEqual(o.messages.length, 2);
    });

    it("flags the group CreateAgent's securityGroupArns names (task interfaces)", async () => {
        const n = network();
        const taskSg = n.s.add(TYPES.securityGroup, "task-sg", {
            vpcId: ref(n.destination),
            ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        });
        n.s.add(TYPES.datasyncAgent, "agent", {
            vpcEndpointId: ref(n.endpoint),
            subnetArns: [ref(n.destSubnet, "arn")],
            securityGroupArns: [ref(taskSg, "arn")],
        });
        const o = await check(noWorldIngress, n.s.resources);
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /which guards the task network interfaces of aws\.datasync\.Agent "agent"\./);
    });

    it("recognises an untagged agent instance through the datasync Agent's ipAddress", async () => {
        const n = network({ tagAgent: false });
        ingress(n, "agent-80", n.agentSg, { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "0.0.0.0/0" });
        const before = await check(noWorldIngress, n.s.resources);
        assert.match(before.notApplicable ?? "", /no ingress rules on DataSync/);
        n.s.add(TYPES.datasyncAgent, "agent", { ipAddress: ref(n.vm, "privateIp"), vpcEndpointId: ref(n.endpoint) });
        const after = await check(noWorldIngress, n.s.resources);
        assert.strictEqual(after.messages.length, 1);
        assert.match(after.messages[0], /guards DataSync agent instance aws\.ec2\.Instance "agent-vm"/);
    });

    it("ignores world ingress on unrelated groups and world egress on DataSync groups", async () => {
        const n = network();
        ingress(n, "web-https", n.webSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" });
        ingress(n, "ep-443", n.endpointSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.1.1.10/32" });
        n.s.add(TYPES.securityGroupRule, "agent-out", {
            type: "egress",
            securityGroupId: ref(n.agentSg),
            protocol: "-1",
            fromPort: 0,
            toPort: 0,
            cidrBlocks: ["0.0.0.0/0"],
        });
        const o = await check(noWorldIngress, n.s.resources);
        assert.deepStrictEqual(o.messages, []);
    });

    it("resolves groups through property dependencies at preview, when IDs are unknown", async () => {
        const n = network({ preview: true });
        const rule = ingress(n, "agent-80", n.agentSg, { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "0.0.0.0/0" });
        const o = await check(noWorldIngress, n.s.resources);
        assert.deepStrictEqual(
            o.violations.map((v) => v.urn),
            [rule.urn],
        );
    });

    it("is not applicable to a stack without DataSync groups", async () => {
        const n = network();
        ingress(n, "web-https", n.webSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" });
        const o = await check(noWorldIngress, [n.webSg, ...n.s.resources.filter((r) => r.type === TYPES.securityGroupIngressRule)]);
        assert.match(o.notApplicable ?? "", /no ingress rules on DataSync endpoint or agent security groups/);
    });
});
