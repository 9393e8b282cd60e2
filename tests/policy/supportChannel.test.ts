import * as assert from "assert";
import { supportChannelOnlyWhenAllowed } from "../../policy/policies";
import { ingress, network } from "./builders";
import { check } from "./fixtures";

const allow = { [supportChannelOnlyWhenAllowed.name]: { allowSupportChannel: true } };

describe("policy 5: datasync-endpoint-support-channel", () => {
    it("is not applicable when the endpoint group opens only 443 and 1024-1064", async () => {
        const n = network();
        ingress(n, "ep-443", n.endpointSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.1.1.10/32" });
        ingress(n, "ep-control", n.endpointSg, { ipProtocol: "tcp", fromPort: 1024, toPort: 1064, cidrIpv4: "10.1.1.10/32" });
        const o = await check(supportChannelOnlyWhenAllowed, n.s.resources);
        assert.match(o.notApplicable ?? "", /no rule admits TCP 22/);
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags TCP 22 to the endpoint when the support channel is not allowed", async () => {
        const n = network();
        const rule = ingress(n, "ep-22", n.endpointSg, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "10.1.1.10/32" });
        const o = await check(supportChannelOnlyWhenAllowed, n.s.resources);
        assert.deepStrictEqual(o.violations, [
            {
                message:
                    'aws.vpc.SecurityGroupIngressRule "ep-22" opens TCP 22 from 10.1.1.10/32 into security group aws.ec2.SecurityGroup "endpoint-sg" ' +
                    '(DataSync endpoint aws.ec2.VpcEndpoint "endpoint"), but the support channel is not allowed. ' +
                    "Allow only TCP 443 and 1024-1064, or set allowSupportChannel for this policy.",
                urn: rule.urn,
            },
        ]);
    });

    it("accepts TCP 22 when allowSupportChannel is true", async () => {
        const n = network();
        ingress(n, "ep-22", n.endpointSg, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "10.1.1.10/32" });
        const o = await check(supportChannelOnlyWhenAllowed, n.s.resources, allow);
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags all-traffic and port-range rules that include 22", async () => {
        const n = network();
        n.endpointSg.props.ingress = [
            { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.1.0.0/16"] },
            { protocol: "6", fromPort: 1, toPort: 1064, cidrBlocks: ["10.1.1.10/32"] },
        ];
        const o = await check(supportChannelOnlyWhenAllowed, n.s.resources);
        assert.strictEqual(o.messages.length, 2);
        assert.match(o.messages[0], /ingress\[0\] allows all traffic \(protocol -1\), which includes TCP 22, from 10\.1\.0\.0\/16/);
        assert.match(o.messages[1], /ingress\[1\] allows TCP 1-1064, which includes TCP 22, from 10\.1\.1\.10\/32/);
    });

    it("ignores TCP 22 on the agent's group and UDP 22 on the endpoint's", async () => {
        const n = network();
        ingress(n, "agent-22", n.agentSg, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "10.1.0.10/32" });
        ingress(n, "ep-udp", n.endpointSg, { ipProtocol: "udp", fromPort: 22, toPort: 22, cidrIpv4: "10.1.1.10/32" });
        const o = await check(supportChannelOnlyWhenAllowed, n.s.resources);
        assert.deepStrictEqual(o.messages, []);
    });
});
