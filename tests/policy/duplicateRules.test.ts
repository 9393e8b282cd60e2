import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { noDuplicateRules } from "../../policy/policies";
import { egress, ingress, network } from "./builders";
import { check, ref, UNKNOWN_STRING } from "./fixtures";

const AGENT_443 = { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.1.1.10/32" };

describe("policy 12: aws-security-group-rule-duplicate", () => {
    it("passes rules that differ in port, peer, group or direction", async () => {
        const n = network();
        ingress(n, "a", n.endpointSg, AGENT_443);
        ingress(n, "b", n.endpointSg, { ...AGENT_443, fromPort: 1024, toPort: 1064 });
        ingress(n, "c", n.endpointSg, { ...AGENT_443, cidrIpv4: "10.1.1.11/32" });
        ingress(n, "d", n.agentSg, AGENT_443);
        egress(n, "e", n.endpointSg, AGENT_443);
        const o = await check(noDuplicateRules, n.s.resources);
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags the second declaration of the same permission, whatever its description", async () => {
        const n = network();
        ingress(n, "allowed-sources-0-443", n.endpointSg, { ...AGENT_443, description: "allowed source" });
        const second = ingress(n, "agent-443", n.endpointSg, { ...AGENT_443, description: "agent" });
        const o = await check(noDuplicateRules, n.s.resources);
        assert.deepStrictEqual(o.violations, [
            {
                message:
                    'aws.vpc.SecurityGroupIngressRule "agent-443" allows TCP 443 from 10.1.1.10/32 on security group aws.ec2.SecurityGroup "endpoint-sg", ' +
                    'which aws.vpc.SecurityGroupIngressRule "allowed-sources-0-443" already allows: EC2 refuses the second (InvalidPermission.Duplicate). Remove one of the two.',
                urn: second.urn,
            },
        ]);
    });

    it("matches across rule kinds, protocol spellings and cross-account group references", async () => {
        const n = network();
        n.s.add(TYPES.securityGroupRule, "legacy", {
            type: "ingress",
            securityGroupId: ref(n.endpointSg),
            protocol: "6",
            fromPort: 443,
            toPort: 443,
            cidrBlocks: ["10.1.1.9/32", "10.1.1.10/32"],
        });
        ingress(n, "modern", n.endpointSg, AGENT_443);
        const sgId = n.agentSg.props.id as string;
        ingress(n, "by-group", n.endpointSg, { ipProtocol: "tcp", fromPort: 1024, toPort: 1064, referencedSecurityGroupId: sgId });
        ingress(n, "by-group-acct", n.endpointSg, { ipProtocol: "tcp", fromPort: 1024, toPort: 1064, referencedSecurityGroupId: `111122223333/${sgId}` });
        const o = await check(noDuplicateRules, n.s.resources);
        assert.deepStrictEqual(
            o.violations.map((v) => v.urn?.split("::").pop()),
            ["modern", "by-group-acct"],
        );
        assert.match(
            o.messages[1],
            /allows TCP 1024-1064 from security group 111122223333\/sg-\w+ .* which aws\.vpc\.SecurityGroupIngressRule "by-group" already allows/,
        );
    });

    it("treats all-traffic rules as equal whatever ports they carry", async () => {
        const n = network();
        egress(n, "all-1", n.agentSg, { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" });
        egress(n, "all-2", n.agentSg, { ipProtocol: "-1", fromPort: 0, toPort: 0, cidrIpv4: "0.0.0.0/0" });
        const o = await check(noDuplicateRules, n.s.resources);
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /^aws\.vpc\.SecurityGroupEgressRule "all-2" allows all traffic \(protocol -1\) to 0\.0\.0\.0\/0 /);
    });

    it("does not flag an inline block equal to a rule resource (the provider reads rules back into the group)", async () => {
        const n = network();
        n.endpointSg.props.ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.1.1.10/32"] }];
        ingress(n, "a", n.endpointSg, AGENT_443);
        assert.deepStrictEqual((await check(noDuplicateRules, n.s.resources)).messages, []);
    });

    it("skips peers not known at preview, and judges them once known", async () => {
        const preview = network({ preview: true });
        ingress(preview, "a", preview.endpointSg, { ...AGENT_443, cidrIpv4: UNKNOWN_STRING });
        ingress(preview, "b", preview.endpointSg, { ...AGENT_443, cidrIpv4: UNKNOWN_STRING });
        assert.deepStrictEqual((await check(noDuplicateRules, preview.s.resources)).messages, []);
        const update = network();
        ingress(update, "a", update.endpointSg, AGENT_443);
        ingress(update, "b", update.endpointSg, AGENT_443);
        assert.strictEqual((await check(noDuplicateRules, update.s.resources)).messages.length, 1);
    });

    it("is not applicable with fewer than two rule resources", async () => {
        const n = network();
        ingress(n, "a", n.endpointSg, AGENT_443);
        assert.match((await check(noDuplicateRules, n.s.resources)).notApplicable ?? "", /fewer than two/);
    });
});
