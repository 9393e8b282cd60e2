import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { activationPortRestricted } from "../../policy/policies";
import { ingress, network } from "./builders";
import { check, ref } from "./fixtures";

const config = (c: Record<string, unknown>) => ({ [activationPortRestricted.name]: c });
const JUMP_HOST = { activationSourceCidrs: ["10.1.0.10/32"] };

describe("policy 4: datasync-agent-activation-port", () => {
    it("passes port 80 from a configured activation source", async () => {
        const n = network();
        ingress(n, "agent-80", n.agentSg, { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "10.1.0.10/32" });
        const o = await check(activationPortRestricted, n.s.resources, config(JUMP_HOST));
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("passes a source inside a configured range", async () => {
        const n = network();
        ingress(n, "agent-80", n.agentSg, { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "10.1.0.32/28" });
        const o = await check(activationPortRestricted, n.s.resources, config({ activationSourceCidrs: ["10.1.0.0/24"] }));
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags port 80 open to the world", async () => {
        const n = network();
        const rule = ingress(n, "agent-80", n.agentSg, { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "0.0.0.0/0" });
        const o = await check(activationPortRestricted, n.s.resources, config(JUMP_HOST));
        assert.deepStrictEqual(o.violations, [
            {
                message:
                    'aws.vpc.SecurityGroupIngressRule "agent-80" allows TCP 80 from 0.0.0.0/0 into agent security group aws.ec2.SecurityGroup "agent-sg": ' +
                    "the activation port (TCP 80) is open to the world. Allow only the activation host's address.",
                urn: rule.urn,
            },
        ]);
    });

    it("flags a source that is not a configured activation source", async () => {
        const n = network();
        ingress(n, "agent-80", n.agentSg, { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "10.1.0.0/16" });
        const o = await check(activationPortRestricted, n.s.resources, config(JUMP_HOST));
        assert.deepStrictEqual(o.messages, [
            'aws.vpc.SecurityGroupIngressRule "agent-80" allows TCP 80 from 10.1.0.0/16 into agent security group aws.ec2.SecurityGroup "agent-sg", ' +
                "but that is not an activation source (configured activation sources: 10.1.0.10/32). " +
                "Restrict TCP 80 to the activation host, or add it to this policy's activationSourceCidrs.",
        ]);
    });

    it("flags every port-80 source when no activation sources are configured", async () => {
        const n = network();
        ingress(n, "agent-80", n.agentSg, { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "10.1.0.10/32" });
        const o = await check(activationPortRestricted, n.s.resources);
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /not an activation source \(no activation sources are configured \(activationSourceCidrs\)\)/);
    });

    it("counts all-traffic and wide TCP rules as port-80 rules", async () => {
        const n = network();
        ingress(n, "agent-all", n.agentSg, { ipProtocol: "-1", cidrIpv4: "10.1.0.0/16" });
        n.agentSg.props.ingress = [{ protocol: "tcp", fromPort: 0, toPort: 65535, cidrBlocks: ["10.1.2.0/24"] }];
        const o = await check(activationPortRestricted, n.s.resources, config(JUMP_HOST));
        assert.strictEqual(o.messages.length, 2);
        assert.match(o.messages.join("\n"), /ingress\[0\] allows all TCP ports from 10\.1\.2\.0\/24/);
        assert.match(o.messages.join("\n"), /"agent-all" allows all traffic \(protocol -1\) from 10\.1\.0\.0\/16/);
    });

    it("ignores other ports on the agent, and port 80 on other groups", async () => {
        const n = network();
        ingress(n, "agent-22", n.agentSg, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "10.1.0.0/16" });
        ingress(n, "ep-80", n.endpointSg, { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "10.1.0.0/16" });
        ingress(n, "web-80", n.webSg, { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "0.0.0.0/0" });
        const o = await check(activationPortRestricted, n.s.resources, config(JUMP_HOST));
        assert.match(o.notApplicable ?? "", /no rule admits TCP 80/);
        assert.deepStrictEqual(o.messages, []);
    });

    it("accepts a referenced security group only when it is configured", async () => {
        const n = network();
        const jump = n.s.add(TYPES.securityGroup, "jump-sg", { vpcId: ref(n.source) });
        ingress(n, "agent-80", n.agentSg, { ipProtocol: "tcp", fromPort: 80, toPort: 80, referencedSecurityGroupId: ref(jump) });
        const jumpId = jump.props.id as string;
        const flagged = await check(activationPortRestricted, n.s.resources, config(JUMP_HOST));
        assert.strictEqual(flagged.messages.length, 1);
        assert.match(flagged.messages[0], new RegExp(`from security group ${jumpId} into agent security group`));
        const ok = await check(activationPortRestricted, n.s.resources, config({ ...JUMP_HOST, activationSourceGroupIds: [jumpId] }));
        assert.deepStrictEqual(ok.messages, []);
    });
});
