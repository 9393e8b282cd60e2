import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { agentUsesPrivateEndpoint } from "../../policy/policies";
import { check, single, UNKNOWN_STRING } from "./fixtures";

const SUBNET = "arn:aws:ec2:eu-west-2:111122223333:subnet/subnet-0a1b2c3d4e5f60718";
const GROUP = "arn:aws:ec2:eu-west-2:111122223333:security-group/sg-0a1b2c3d4e5f60718";
const PRIVATE = {
    activationKey: "F0EFT-7FPPR-GG7MC-3I9R3-27DOH",
    vpcEndpointId: "vpce-0a1b2c3d4e5f60718",
    subnetArns: [SUBNET],
    securityGroupArns: [GROUP],
};

const agent = (props: Record<string, unknown>, preview = false) => single(TYPES.datasyncAgent, props, { name: "agent", preview });

describe("policy 6: datasync-agent-private-endpoint", () => {
    it("passes an agent activated against a VPC endpoint", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent(PRIVATE));
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("passes the provider-fetched form when privateLinkEndpoint is set", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent({ ...PRIVATE, activationKey: undefined, ipAddress: "10.1.1.10", privateLinkEndpoint: "10.0.1.5" }));
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags a public agent (no vpcEndpointId)", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent({ ipAddress: "203.0.113.50" }));
        assert.deepStrictEqual(o.messages, [
            'DataSync agent "agent" has no vpcEndpointId, so it is activated against the public DataSync endpoint. ' +
                "Set vpcEndpointId, subnetArns and securityGroupArns to activate it over PrivateLink (or allow public agents in this policy's config).",
        ]);
    });

    it("accepts public agents when allowPublicAgents is true", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent({ ipAddress: "203.0.113.50" }), { [agentUsesPrivateEndpoint.name]: { allowPublicAgents: true } });
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags a vpcEndpointId that is not a VPC endpoint ID", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent({ ...PRIVATE, vpcEndpointId: "vpce-1234" }));
        assert.deepStrictEqual(o.messages, [
            'DataSync agent "agent": vpcEndpointId "vpce-1234" is not a VPC endpoint ID (vpce- followed by 17 hex digits). Pass the endpoint resource\'s id.',
        ]);
    });

    it("flags missing subnetArns and securityGroupArns", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent({ activationKey: PRIVATE.activationKey, vpcEndpointId: PRIVATE.vpcEndpointId }));
        assert.deepStrictEqual(o.messages, [
            'DataSync agent "agent": subnetArns is not set. A private agent needs exactly one ARN in subnetArns (CreateAgent rejects the agent otherwise).',
            'DataSync agent "agent": securityGroupArns is not set. A private agent needs exactly one ARN in securityGroupArns (CreateAgent rejects the agent otherwise).',
        ]);
    });

    it("flags more than one subnet ARN", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent({ ...PRIVATE, subnetArns: [SUBNET, SUBNET.replace("0a1b", "9f8e")] }));
        assert.deepStrictEqual(o.messages, ['DataSync agent "agent": subnetArns has 2 ARNs; CreateAgent takes exactly one.']);
    });

    it("flags ipAddress without privateLinkEndpoint (the provider would mint a public key)", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent({ ...PRIVATE, activationKey: undefined, ipAddress: "10.1.1.10" }));
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /^DataSync agent "agent": ipAddress is set but privateLinkEndpoint is not, so the provider requests a public activation key/);
    });

    it("treats references not known yet at preview as set", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent({ activationKey: UNKNOWN_STRING, vpcEndpointId: UNKNOWN_STRING, subnetArns: [UNKNOWN_STRING], securityGroupArns: [UNKNOWN_STRING] }));
        assert.deepStrictEqual(o.messages, []);
    });

    it("is not applicable to other resource types", async () => {
        const o = await check(agentUsesPrivateEndpoint, single(TYPES.vpcEndpoint, {}));
        assert.strictEqual(o.notApplicable, "Policy only applies to resources of type 'aws:datasync/agent:Agent'");
    });
});
