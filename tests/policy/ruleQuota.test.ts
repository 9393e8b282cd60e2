import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { securityGroupRuleQuota } from "../../policy/policies";
import { egress, ingress, network } from "./builders";
import { check, ref, UNKNOWN_STRING } from "./fixtures";

const SG = 'aws.ec2.SecurityGroup "endpoint-sg"';

/** `count` ingress rules on the endpoint group, each from its own /32 (10.1.<i/250>.<i%250>). */
function addressRules(n: ReturnType<typeof network>, count: number, o: { preview?: boolean; prefix?: string } = {}) {
    for (let i = 0; i < count; i++) {
        ingress(n, `${o.prefix ?? "in"}-${i}`, n.endpointSg, {
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: o.preview ? UNKNOWN_STRING : `10.1.${Math.floor(i / 250)}.${i % 250}/32`,
        });
    }
}

describe("policy 11: aws-security-group-rule-quota", () => {
    it("passes a group at exactly the quota (60 inbound IPv4 rules)", async () => {
        const n = network();
        addressRules(n, 60);
        const o = await check(securityGroupRuleQuota, n.s.resources);
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags the 61st inbound rule, naming the group, the count, the quota and the fix", async () => {
        const n = network();
        addressRules(n, 61);
        const o = await check(securityGroupRuleQuota, n.s.resources);
        assert.deepStrictEqual(o.violations, [
            {
                message:
                    `Security group ${SG} would have 61 inbound IPv4 rules (from aws.vpc.SecurityGroupIngressRule "in-0", aws.vpc.SecurityGroupIngressRule "in-1", ` +
                    'aws.vpc.SecurityGroupIngressRule "in-2", aws.vpc.SecurityGroupIngressRule "in-3", aws.vpc.SecurityGroupIngressRule "in-4" and 56 more), ' +
                    "over the quota of 60 inbound or outbound rules per security group (Amazon VPC quotas); EC2 refuses the rule that crosses it (RulesPerSecurityGroupLimitExceeded). " +
                    "Admit the peers by security group reference or CIDR range instead of one rule each, or set securityGroupRuleQuota to the account's raised quota.",
                urn: n.endpointSg.urn,
            },
        ]);
    });

    it("counts at preview too, when the addresses are computed from instances", async () => {
        const n = network({ preview: true });
        addressRules(n, 61, { preview: true });
        const o = await check(securityGroupRuleQuota, n.s.resources);
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /would have 61 inbound IPv4 rules/);
    });

    it("takes the account's raised quota from config", async () => {
        const n = network();
        addressRules(n, 61);
        const o = await check(securityGroupRuleQuota, n.s.resources, { [securityGroupRuleQuota.name]: { securityGroupRuleQuota: 100 } });
        assert.deepStrictEqual(o.messages, []);
        const low = await check(securityGroupRuleQuota, n.s.resources, { [securityGroupRuleQuota.name]: { securityGroupRuleQuota: 50 } });
        assert.match(low.messages[0], /61 inbound IPv4 rules .* over the quota of 50 /);
    });

    it("counts outbound rules separately from inbound ones", async () => {
        const n = network();
        addressRules(n, 40);
        for (let i = 0; i < 61; i++) {
            egress(n, `out-${i}`, n.endpointSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: `10.2.0.${i}/32` });
        }
        const o = await check(securityGroupRuleQuota, n.s.resources);
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /would have 61 outbound IPv4 rules \(from aws\.vpc\.SecurityGroupEgressRule "out-0"/);
    });

    it("counts IPv4 and IPv6 separately, and a group reference in both", async () => {
        const n = network();
        addressRules(n, 40);
        for (let i = 0; i < 40; i++) {
            ingress(n, `in6-${i}`, n.endpointSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: `2001:db8::${i.toString(16)}/128` });
        }
        assert.deepStrictEqual((await check(securityGroupRuleQuota, n.s.resources)).messages, []);
        for (let i = 0; i < 20; i++) {
            ingress(n, `from-group-${i}`, n.endpointSg, { ipProtocol: "tcp", fromPort: 1024 + i, toPort: 1024 + i, referencedSecurityGroupId: ref(n.agentSg) });
        }
        const o = await check(securityGroupRuleQuota, n.s.resources);
        assert.deepStrictEqual(
            o.messages.map((m) => /would have (\d+ inbound IPv\d) rules/.exec(m)?.[1]),
            [],
            "60 = 40 + 20 in each family: still within",
        );
        ingress(n, "from-group-extra", n.endpointSg, { ipProtocol: "tcp", fromPort: 22, toPort: 22, referencedSecurityGroupId: ref(n.agentSg) });
        const over = await check(securityGroupRuleQuota, n.s.resources);
        assert.deepStrictEqual(
            over.messages.map((m) => /would have (\d+ inbound IPv\d) rules/.exec(m)?.[1]),
            ["61 inbound IPv4", "61 inbound IPv6"],
        );
    });

    it("counts each CIDR of a legacy rule and of an inline block, and identical permissions once", async () => {
        const n = network();
        n.endpointSg.props.ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: Array.from({ length: 30 }, (_, i) => `10.3.0.${i}/32`) }];
        n.s.add(TYPES.securityGroupRule, "legacy", {
            type: "ingress",
            securityGroupId: ref(n.endpointSg),
            protocol: "6",
            fromPort: 443,
            toPort: 443,
            cidrBlocks: Array.from({ length: 31 }, (_, i) => `10.4.0.${i}/32`),
        });
        const o = await check(securityGroupRuleQuota, n.s.resources);
        assert.match(o.messages[0] ?? "", /would have 61 inbound IPv4 rules/);
        // The provider reads standalone rules back into the group's inline outputs: not counted twice.
        n.endpointSg.props.ingress = [
            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: Array.from({ length: 29 }, (_, i) => `10.3.0.${i}/32`) },
            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: Array.from({ length: 31 }, (_, i) => `10.4.0.${i}/32`) },
        ];
        assert.deepStrictEqual((await check(securityGroupRuleQuota, n.s.resources)).messages, []);
    });

    it("counts a customer-managed prefix list as its maxEntries, in the stack (also at preview) or from config", async () => {
        for (const preview of [false, true]) {
            const n = network({ preview });
            const list = n.s.add(TYPES.managedPrefixList, "agents", { addressFamily: "IPv4", maxEntries: 20, name: "datasync-agents" });
            addressRules(n, 41, { preview });
            ingress(n, "from-list", n.endpointSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, prefixListId: ref(list) });
            const o = await check(securityGroupRuleQuota, n.s.resources);
            assert.match(o.messages[0] ?? "", /would have 61 inbound IPv4 rules/, `preview=${preview}`);
        }
        const outside = network();
        addressRules(outside, 41);
        ingress(outside, "from-list", outside.endpointSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, prefixListId: "pl-0123456789abcdef0" });
        assert.deepStrictEqual((await check(securityGroupRuleQuota, outside.s.resources)).messages, [], "unknown size: counted as one rule");
        const sized = await check(securityGroupRuleQuota, outside.s.resources, {
            [securityGroupRuleQuota.name]: { prefixListMaxEntries: { "pl-0123456789abcdef0": 20 } },
        });
        assert.match(sized.messages[0] ?? "", /would have 61 inbound IPv4 rules/);
        const ipv6 = await check(securityGroupRuleQuota, outside.s.resources, {
            [securityGroupRuleQuota.name]: { prefixListMaxEntries: { "pl-0123456789abcdef0": { maxEntries: 20, addressFamily: "IPv6" } } },
        });
        assert.deepStrictEqual(ipv6.messages, []);
    });

    it("counts rules added in the stack to a group outside it", async () => {
        const n = network();
        for (let i = 0; i < 61; i++) {
            n.s.add(TYPES.securityGroupIngressRule, `ext-${i}`, {
                securityGroupId: "sg-0fedcba9876543210",
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrIpv4: `10.5.0.${i}/32`,
            });
        }
        const o = await check(securityGroupRuleQuota, n.s.resources);
        assert.strictEqual(o.violations.length, 1);
        assert.match(o.messages[0], /^Security group sg-0fedcba9876543210 would have 61 inbound IPv4 rules/);
        assert.strictEqual(o.violations[0].urn, n.s.resources[n.s.resources.length - 1].urn);
    });

    it("is not applicable without rules", async () => {
        const o = await check(securityGroupRuleQuota, network().s.resources);
        assert.match(o.notApplicable ?? "", /no security group rules/);
    });
});
