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
        const o = await check(
            agentUsesPrivateEndpoint,
            agent({ ...PRIVATE, activationKey: undefined, ipAddress: "10.1.1.10", privateLinkEndpoint: "10.0.1.5" }),
        );
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags activationKey with privateLinkEndpoint: the provider's ConflictsWith fails every real update", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent({ ...PRIVATE, privateLinkEndpoint: "10.0.1.5" }));
        assert.deepStrictEqual(o.messages, [
            'DataSync agent "agent" sets activationKey and privateLinkEndpoint: the provider\'s schema makes them conflict (ConflictsWith), so every real update fails once the key is known. ' +
                "Pass the key alone (remove privateLinkEndpoint; the endpoint IP belongs only in the activation request), or drop activationKey and let the provider fetch it from ipAddress.",
        ]);
    });

    it("flags activationKey with ipAddress and privateLinkEndpoint together", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent({ ...PRIVATE, ipAddress: "10.1.1.10", privateLinkEndpoint: "10.0.1.5" }));
        assert.strictEqual(o.messages.length, 1);
        assert.match(
            o.messages[0],
            /^DataSync agent "agent" sets activationKey and privateLinkEndpoint and ipAddress: .*\(remove privateLinkEndpoint and ipAddress;/,
        );
    });

    it("flags the conflict at preview, while the key from a Command is still unknown (the provider only checks it at update)", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent({ ...PRIVATE, activationKey: UNKNOWN_STRING, privateLinkEndpoint: UNKNOWN_STRING }, true));
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /sets activationKey and privateLinkEndpoint: the provider's schema makes them conflict/);
    });

    it("flags an agent with neither activationKey nor ipAddress", async () => {
        const o = await check(agentUsesPrivateEndpoint, agent({ ...PRIVATE, activationKey: undefined }));
        assert.deepStrictEqual(o.messages, [
            'DataSync agent "agent" sets neither activationKey nor ipAddress; the provider cannot create it ("one of activation_key or ip_address is required"). Pass the activation key.',
        ]);
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
        assert.deepStrictEqual(o.messages, [
            'DataSync agent "agent": ipAddress is set without privateLinkEndpoint, so the provider requests a public activation key, which CreateAgent refuses for a VPC endpoint. ' +
                "Set privateLinkEndpoint to the endpoint's private IP in the agent's subnet.",
        ]);
    });

    it("treats references not known yet at preview as set", async () => {
        const o = await check(
            agentUsesPrivateEndpoint,
            agent({ activationKey: UNKNOWN_STRING, vpcEndpointId: UNKNOWN_STRING, subnetArns: [UNKNOWN_STRING], securityGroupArns: [UNKNOWN_STRING] }),
        );
        assert.deepStrictEqual(o.messages, []);
    });

    it("is not applicable to other resource types", async () => {
        const o = await check(agentUsesPrivateEndpoint, single(TYPES.vpcEndpoint, {}));
        assert.strictEqual(o.notApplicable, "Policy only applies to resources of type 'aws:datasync/agent:Agent'");
    });
});
