import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { agentInEndpointVpcAndRegion } from "../../policy/policies";
import { network } from "./builders";
import { check, ref } from "./fixtures";

describe("policy 9: datasync-agent-endpoint-placement", () => {
    it("passes an agent whose subnet and group are in the endpoint's VPC and Region", async () => {
        const n = network();
        n.s.add(TYPES.datasyncAgent, "agent", {
            vpcEndpointId: ref(n.endpoint),
            subnetArns: [ref(n.destSubnet, "arn")],
            securityGroupArns: [ref(n.endpointSg, "arn")],
        });
        const o = await check(agentInEndpointVpcAndRegion, n.s.resources);
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags a subnet from another VPC", async () => {
        const n = network();
        const agent = n.s.add(TYPES.datasyncAgent, "agent", {
            vpcEndpointId: ref(n.endpoint),
            subnetArns: [ref(n.sourceSubnet, "arn")],
            securityGroupArns: [ref(n.endpointSg, "arn")],
        });
        const o = await check(agentInEndpointVpcAndRegion, n.s.resources);
        assert.deepStrictEqual(o.violations, [
            {
                message:
                    'aws.datasync.Agent "agent": its subnet aws.ec2.Subnet "source-subnet" (subnetArns) is in VPC aws.ec2.Vpc "source-vpc", ' +
                    'but its endpoint aws.ec2.VpcEndpoint "endpoint" is in VPC aws.ec2.Vpc "destination-vpc". Use a subnet in the endpoint\'s VPC.',
                urn: agent.urn,
            },
        ]);
    });

    it("flags a security group from another VPC, also at preview", async () => {
        for (const preview of [false, true]) {
            const n = network({ preview });
            n.s.add(TYPES.datasyncAgent, "agent", {
                vpcEndpointId: ref(n.endpoint),
                subnetArns: [ref(n.destSubnet, "arn")],
                securityGroupArns: [ref(n.agentSg, "arn")],
            });
            const o = await check(agentInEndpointVpcAndRegion, n.s.resources);
            assert.strictEqual(o.messages.length, 1, `preview=${preview}`);
            assert.match(o.messages[0], /its security group aws\.ec2\.SecurityGroup "agent-sg" \(securityGroupArns\) is in VPC aws\.ec2\.Vpc "source-vpc"/);
        }
    });

    it("flags an agent created in another Region than its endpoint", async () => {
        const n = network();
        n.s.add(
            TYPES.datasyncAgent,
            "agent",
            { vpcEndpointId: ref(n.endpoint), subnetArns: [ref(n.destSubnet, "arn")], securityGroupArns: [ref(n.endpointSg, "arn")] },
            { providerRegion: "eu-west-1" },
        );
        const o = await check(agentInEndpointVpcAndRegion, n.s.resources);
        assert.deepStrictEqual(o.messages, [
            'aws.datasync.Agent "agent" is created in eu-west-1, but its endpoint aws.ec2.VpcEndpoint "endpoint" is in eu-west-2. ' +
                "The activated agent must be in the endpoint's Region (and activated with activationRegion set to it).",
        ]);
    });

    it("checks the Region in the ARN of a subnet outside the stack", async () => {
        const n = network();
        n.s.add(TYPES.datasyncAgent, "agent", {
            vpcEndpointId: ref(n.endpoint),
            subnetArns: ["arn:aws:ec2:us-east-1:111122223333:subnet/subnet-0fedcba9876543210"],
            securityGroupArns: [ref(n.endpointSg, "arn")],
        });
        const o = await check(agentInEndpointVpcAndRegion, n.s.resources);
        assert.deepStrictEqual(o.messages, [
            'aws.datasync.Agent "agent": its subnet subnet-0fedcba9876543210 (subnetArns) is in us-east-1, but its endpoint aws.ec2.VpcEndpoint "endpoint" is in eu-west-2.',
        ]);
    });

    it("with the endpoint outside the stack, still requires the subnet and group to share a VPC", async () => {
        const n = network();
        const ok = n.s.add(TYPES.datasyncAgent, "ok", {
            vpcEndpointId: "vpce-0a1b2c3d4e5f60718",
            subnetArns: [ref(n.destSubnet, "arn")],
            securityGroupArns: [ref(n.endpointSg, "arn")],
        });
        const bad = n.s.add(TYPES.datasyncAgent, "bad", {
            vpcEndpointId: "vpce-0a1b2c3d4e5f60718",
            subnetArns: [ref(n.destSubnet, "arn")],
            securityGroupArns: [ref(n.agentSg, "arn")],
        });
        const o = await check(agentInEndpointVpcAndRegion, n.s.resources);
        assert.deepStrictEqual(
            o.violations.map((v) => v.urn),
            [bad.urn],
        );
        assert.notStrictEqual(ok.urn, bad.urn);
        assert.match(
            o.messages[0],
            /its subnet aws\.ec2\.Subnet "destination-subnet" is in VPC aws\.ec2\.Vpc "destination-vpc" but its security group aws\.ec2\.SecurityGroup "agent-sg" is in VPC aws\.ec2\.Vpc "source-vpc"/,
        );
    });

    it("is not applicable without private agents", async () => {
        const n = network();
        n.s.add(TYPES.datasyncAgent, "public", { ipAddress: "203.0.113.50" });
        assert.match((await check(agentInEndpointVpcAndRegion, n.s.resources)).notApplicable ?? "", /no aws\.datasync\.Agent with a vpcEndpointId/);
    });
});
