// The AWS double's security groups and rules, through the engine: every rule of
// docs/aws-double.md for these types refuses or answers as the provider and EC2 would.
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { ACCOUNT, DST, REGION, SOURCE_ACCOUNT, SRC } from "../../fixtures/aws";
import { Lab, reasonsOf, recordsOf, refusals, steps } from "./lab";
import { labWorld, providers, W } from "./world";

const tcp = (port: number) => ({ ipProtocol: "tcp", fromPort: port, toPort: port });

describe("AWS double through the engine: security groups and rules", function () {
    this.timeout(300_000);
    let lab: Lab;

    before(() => {
        lab = new Lab(labWorld());
    });
    after(() => lab?.close());

    it("Check refuses what the provider's schema refuses (one preview per case)", async () => {
        const runs = await lab.previewEach("sg-schema", {
            "both-names": () => new aws.ec2.SecurityGroup("both-names", { vpcId: DST.vpc, name: "a", namePrefix: "b" }),
            prefixed: () => new aws.ec2.SecurityGroup("prefixed", { vpcId: DST.vpc, name: "sg-bad", description: "d".repeat(256) }),
            // Autonamed from the resource name: "sg-web-<7 hex>" starts with sg- too.
            "sg-web": () => new aws.ec2.SecurityGroup("sg-web", { vpcId: DST.vpc }),
            "long-name": () => new aws.ec2.SecurityGroup("long-name", { vpcId: DST.vpc, name: "x".repeat(256) }),
            "no-peer": () => new aws.vpc.SecurityGroupIngressRule("no-peer", { securityGroupId: W.group, ...tcp(443) }),
            "two-peers": () =>
                new aws.vpc.SecurityGroupIngressRule("two-peers", {
                    securityGroupId: W.group,
                    ...tcp(443),
                    cidrIpv4: "10.9.0.0/16",
                    prefixListId: W.prefixList,
                }),
            "host-bits": () =>
                new aws.vpc.SecurityGroupIngressRule("host-bits", {
                    securityGroupId: W.group,
                    ipProtocol: "tcp",
                    fromPort: -2,
                    toPort: 70000,
                    cidrIpv4: "10.9.0.1/16",
                }),
            "legacy-type": () =>
                new aws.ec2.SecurityGroupRule("legacy-type", {
                    type: "sideways",
                    securityGroupId: W.group,
                    protocol: "tcp",
                    fromPort: 1,
                    toPort: 1,
                    cidrBlocks: ["10.9.0.0/16"],
                }),
            // An unknown peer is not judged yet (it may resolve to a valid one).
            "unknown-peer": () => {
                const g = new aws.ec2.SecurityGroup("peer-source", { vpcId: DST.vpc, name: "peer-source" });
                new aws.vpc.SecurityGroupIngressRule("unknown-peer", { securityGroupId: W.group, ...tcp(443), referencedSecurityGroupId: g.id });
            },
        });
        const reasons = reasonsOf(runs);
        assert.match(reasons("both-names"), /Conflicting configuration arguments: "name": conflicts with name_prefix/);
        assert.match(reasons("prefixed"), /invalid value for name \(cannot begin with sg-\)/);
        assert.match(reasons("prefixed"), /expected length of description to be in the range \(0 - 255\)/);
        assert.match(reasons("sg-web"), /resource 'sg-web': property name .*has a problem: invalid value for name \(cannot begin with sg-\)/);
        assert.match(reasons("long-name"), /expected length of name to be in the range \(0 - 255\)/);
        assert.match(
            reasons("no-peer"),
            /No attribute specified when one \(and only one\) of \[cidr_ipv4,cidr_ipv6,prefix_list_id,referenced_security_group_id\] is required/,
        );
        assert.match(reasons("two-peers"), /2 attributes specified when one \(and only one\)/);
        assert.match(reasons("host-bits"), /must be a valid IPv4 CIDR network address, got: 10\.9\.0\.1\/16/);
        assert.match(reasons("host-bits"), /from_port value must be between -1 and 65535, got: -2/);
        assert.match(reasons("host-bits"), /to_port value must be between -1 and 65535, got: 70000/);
        assert.match(reasons("legacy-type"), /expected type to be one of \["egress" "ingress"\], got sideways/);
        assert.strictEqual(reasons("unknown-peer"), "");
        assert.ok(runs.get("unknown-peer")!.ok, runs.get("unknown-peer")!.text);
        for (const [name, r] of runs) {
            assert.deepStrictEqual(
                r.log.filter((l) => l.op === "create"),
                [],
                `${name}: nothing is created in a preview`,
            );
        }
    });

    it("create: EC2's refusals (other account's VPC, characters, duplicates, quota, missing and unreachable groups)", async () => {
        const r = await lab.up("sg-service", () => {
            const p = providers();
            // The VPC exists, but in the default account: from the source account it is not found.
            new aws.ec2.SecurityGroup("wrong-account", { vpcId: DST.vpc, name: "wrong-account" }, { provider: p.source });
            // ...and in eu-west-2, not in us-east-1.
            new aws.ec2.SecurityGroup("wrong-region", { vpcId: DST.vpc, name: "wrong-region", region: "us-east-1" });
            new aws.ec2.SecurityGroup("bad-chars", { vpcId: DST.vpc, name: "bad-chars", description: "no <tags> here" });
            new aws.ec2.SecurityGroup("dup-1", { vpcId: DST.vpc, name: "twin" });
            const g = new aws.ec2.SecurityGroup("quota", { vpcId: DST.vpc, name: "quota-group" });
            // 30 plain rules plus a rule naming a 30-entry prefix list fill the 60-rule quota...
            const rules = Array.from(
                { length: 30 },
                (_, n) => new aws.vpc.SecurityGroupIngressRule(`q${n}`, { securityGroupId: g.id, ...tcp(1000 + n), cidrIpv4: "10.9.0.0/16" }),
            );
            const pl = new aws.vpc.SecurityGroupIngressRule("q-pl", { securityGroupId: g.id, ...tcp(443), prefixListId: W.prefixList }, { dependsOn: rules });
            // ...so the next inbound rule is refused, while an outbound one still fits.
            new aws.vpc.SecurityGroupIngressRule("q-over", { securityGroupId: g.id, ...tcp(444), cidrIpv4: "10.9.0.0/16" }, { dependsOn: [pl] });
            new aws.vpc.SecurityGroupEgressRule("q-out", { securityGroupId: g.id, ...tcp(443), cidrIpv4: "10.9.0.0/16" }, { dependsOn: [pl] });
            const first = new aws.vpc.SecurityGroupIngressRule("dup-rule-1", {
                securityGroupId: W.group,
                ...tcp(443),
                cidrIpv4: "10.9.9.9/32",
                description: "first",
            });
            new aws.vpc.SecurityGroupIngressRule(
                "dup-rule-2",
                { securityGroupId: W.group, ...tcp(443), cidrIpv4: "10.9.9.9/32", description: "same rule, other text" },
                { dependsOn: [first] },
            );
            new aws.vpc.SecurityGroupIngressRule(
                "rule-wrong-account",
                { securityGroupId: W.group, ...tcp(443), cidrIpv4: "10.9.0.0/16" },
                { provider: p.source },
            );
            new aws.vpc.SecurityGroupIngressRule("bad-protocol", {
                securityGroupId: W.group,
                ipProtocol: "tcpx",
                fromPort: 1,
                toPort: 1,
                cidrIpv4: "10.9.0.0/16",
            });
            new aws.vpc.SecurityGroupIngressRule("reversed-ports", {
                securityGroupId: W.group,
                ipProtocol: "tcp",
                fromPort: 9,
                toPort: 1,
                cidrIpv4: "10.9.0.0/16",
            });
            new aws.vpc.SecurityGroupIngressRule("no-such-list", { securityGroupId: W.group, ...tcp(443), prefixListId: "pl-0d570000000000999" });
            // A group of another VPC that is not peered with this one.
            new aws.vpc.SecurityGroupIngressRule("unpeered-ref", { securityGroupId: W.group, ...tcp(443), referencedSecurityGroupId: W.group2 });
            // The same VPC's group is fine; so is 'all traffic' (-1) without ports.
            new aws.vpc.SecurityGroupIngressRule("same-vpc-ref", { securityGroupId: W.group, ...tcp(8443), referencedSecurityGroupId: W.group });
            new aws.vpc.SecurityGroupEgressRule("all-out", { securityGroupId: W.group, ipProtocol: "-1", cidrIpv4: "10.9.0.0/16" });
        });
        const refused = refusals(r);
        const is = (name: string, re: RegExp) => assert.match(refused.get(name) ?? `(${name} was not refused)`, re);
        is(
            "wrong-account",
            /creating Security Group \(wrong-account\): operation error EC2: CreateSecurityGroup, api error InvalidVpcID\.NotFound: The vpc ID 'vpc-0d5700000000000a1' does not exist/,
        );
        is("wrong-region", /InvalidVpcID\.NotFound/);
        is("bad-chars", /InvalidParameterValue: Value \(no <tags> here\) for parameter GroupDescription is invalid/);
        is("dup-rule-2", /InvalidPermission\.Duplicate: the specified rule "peer: 10\.9\.9\.9\/32, TCP, from port: 443, to port: 443, ALLOW" already exists/);
        is(
            "q-over",
            /RulesPerSecurityGroupLimitExceeded: The maximum number of rules per security group has been reached\. \(quota: Inbound rules per security group = 60, L-0EA8095F; 60 in use/,
        );
        is("rule-wrong-account", /InvalidGroup\.NotFound: The security group 'sg-0d570000000000a01' does not exist/);
        is("bad-protocol", /InvalidParameterValue: Invalid value 'tcpx' for IP protocol/);
        is("reversed-ports", /InvalidParameterValue/);
        is("no-such-list", /InvalidPrefixListID\.NotFound/);
        is("unpeered-ref", /InvalidGroup\.NotFound: You have specified two resources that belong to different networks/);
        for (const ok of ["dup-1", "quota", "q-out", "q-pl", "dup-rule-1", "same-vpc-ref", "all-out"]) {
            assert.ok(!refused.has(ok), `${ok} was refused: ${refused.get(ok)}`);
        }
        // Where each attempt ran: the wrong-account group in the source account, the wrong-region one in us-east-1.
        const where = (name: string) => recordsOf(r, name).map((l) => `${l.account}/${l.region}`)[0];
        assert.strictEqual(where("wrong-account"), `${SOURCE_ACCOUNT}/${REGION}`);
        assert.strictEqual(where("wrong-region"), `${ACCOUNT}/us-east-1`);
        // A second group of the same name in the same VPC.
        const again = await lab.up("sg-service-2", () => new aws.ec2.SecurityGroup("dup-2", { vpcId: DST.vpc, name: "twin" }));
        assert.match(refusals(again).get("dup-2") ?? "", /InvalidGroup\.Duplicate: The security group 'twin' already exists for VPC 'vpc-0d5700000000000a1'/);
    });

    it("answers: default description, autoname, revoked default egress; a peered group of another account can be referenced", async () => {
        const r = await lab.up("sg-answers", () => {
            const p = providers();
            const g = new aws.ec2.SecurityGroup("web", { vpcId: DST.vpc });
            // Same-Region peering between the destination VPC and the source account's VPC...
            const pcx = new aws.ec2.VpcPeeringConnection("pcx", { vpcId: SRC.vpc, peerVpcId: DST.vpc, peerOwnerId: ACCOUNT }, { provider: p.source });
            const acc = new aws.ec2.VpcPeeringConnectionAccepter("pcx-accept", { vpcPeeringConnectionId: pcx.id, autoAccept: true });
            // ...lets a rule name the source account's group as account/group.
            new aws.vpc.SecurityGroupIngressRule(
                "peer-ref",
                { securityGroupId: g.id, ...tcp(443), referencedSecurityGroupId: `${SOURCE_ACCOUNT}/${W.srcGroup}` },
                { dependsOn: [acc] },
            );
            return { name: g.name, description: g.description, egress: g.egress, ownerId: g.ownerId };
        });
        assert.ok(r.ok, r.text);
        const o = await lab.outputs("sg-answers");
        assert.match(o.name, /^web-[0-9a-f]{7}$/);
        assert.strictEqual(o.description, "Managed by Pulumi");
        assert.deepStrictEqual(o.egress, []);
        assert.strictEqual(o.ownerId, ACCOUNT);
    });

    it("diff: ForceNew arguments replace (name, description, vpcId, securityGroupId, the rule's kind of peer), others update in place", async () => {
        const program = (v: number) => () => {
            new aws.ec2.SecurityGroup("g-name", { vpcId: DST.vpc, name: v === 1 ? "n1" : "n2" });
            new aws.ec2.SecurityGroup("g-desc", { vpcId: DST.vpc, name: "gd", description: v === 1 ? "one" : "two" });
            new aws.ec2.SecurityGroup("g-tags", { vpcId: DST.vpc, name: "gt", tags: { v: String(v) } });
            new aws.vpc.SecurityGroupIngressRule("r-port", { securityGroupId: W.group, ...tcp(v === 1 ? 9001 : 9002), cidrIpv4: "10.8.0.0/16" });
            new aws.vpc.SecurityGroupIngressRule("r-kind", {
                securityGroupId: W.group,
                ...tcp(9100),
                ...(v === 1 ? { cidrIpv4: "10.8.0.0/16" } : { prefixListId: W.prefixList }),
            });
        };
        assert.ok((await lab.up("sg-diff", program(1))).ok);
        const s = steps(await lab.preview("sg-diff", program(2)));
        assert.deepStrictEqual(s.get("g-name"), { op: "replace", keys: ["name"], diffs: ["name"] });
        assert.deepStrictEqual(s.get("g-desc"), { op: "replace", keys: ["description"], diffs: ["description"] });
        assert.deepStrictEqual(s.get("g-tags"), { op: "update", keys: [], diffs: ["tags"] });
        assert.deepStrictEqual(s.get("r-port"), { op: "update", keys: [], diffs: ["fromPort", "toPort"] });
        assert.strictEqual(s.get("r-kind")?.op, "replace");
        assert.deepStrictEqual([...(s.get("r-kind")?.keys ?? [])].sort(), ["cidrIpv4", "prefixListId"]);
    });

    it("delete: a group another group's rule still references is refused (DependencyViolation)", async () => {
        const r = await lab.up("sg-dep", () => {
            const used = new aws.ec2.SecurityGroup("used", { vpcId: DST.vpc, name: "used" });
            const other = new aws.ec2.SecurityGroup("other", { vpcId: DST.vpc, name: "other" });
            // Retained on delete: the engine forgets the rule but EC2 keeps it.
            new aws.vpc.SecurityGroupIngressRule(
                "refers",
                { securityGroupId: other.id, ...tcp(443), referencedSecurityGroupId: used.id },
                { retainOnDelete: true },
            );
        });
        assert.ok(r.ok, r.text);
        const gone = await lab.up("sg-dep", () => new aws.ec2.SecurityGroup("other", { vpcId: DST.vpc, name: "other" }));
        assert.match(
            refusals(gone).get("used") ?? "(not refused)",
            /deleting Security Group \(used\): operation error EC2: Delete, api error DependencyViolation: resource sg-[0-9a-f]{17} has a dependent object \(sgr-[0-9a-f]{17}\)/,
        );
    });
});
