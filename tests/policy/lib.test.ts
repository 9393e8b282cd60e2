// The pack's helpers: reading SDK props, rule normalisation, sources, reference resolution.
import * as assert from "assert";
import { parseCidr } from "../../provider/src/plan/cidr";
import { mentionsDataSync, parseDataSyncServiceName } from "../../policy/lib/recognize";
import { admitsTcpPort, IngressRule, normaliseProtocol } from "../../policy/lib/rules";
import { isWorldText, sourceAllowed, within } from "../../policy/lib/sources";
import { idFromArn, regionFromArn, Stack } from "../../policy/lib/stack";
import { TYPES } from "../../policy/lib/types";
import { field, list, UNKNOWN, unwrap } from "../../policy/lib/values";
import { policyResources, ref, StackFixture, UNKNOWN_STRING } from "./fixtures";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy") as { unknownCheckingProxy<T extends object>(o: T): T };

describe("policy lib", () => {
    it("reads unknown values under the SDK's proxy without throwing", () => {
        const props = unknownCheckingProxy({ a: UNKNOWN_STRING, b: { c: "x" }, l: ["1", UNKNOWN_STRING] });
        assert.throws(() => (props as Record<string, unknown>).a);
        assert.strictEqual(field(props, "a"), UNKNOWN);
        assert.strictEqual(field(field(props, "b"), "c"), "x");
        assert.deepStrictEqual(list(unwrap(props).l), ["1", UNKNOWN]);
    });

    it("treats only zero-length prefixes as the world", () => {
        for (const w of ["0.0.0.0/0", "::/0", "0::/0", "10.0.0.0/0"]) {
            assert.ok(isWorldText(w), w);
        }
        for (const n of ["0.0.0.0/1", "10.0.0.0/8", "10.0.0.10", "2001:db8::/32", "::/00x"]) {
            assert.ok(!isWorldText(n), n);
        }
    });

    it("allows a source only inside a configured range, or listed verbatim", () => {
        assert.ok(within(parseCidr("10.1.0.16/28")!, parseCidr("10.1.0.0/24")!));
        assert.ok(!within(parseCidr("10.1.0.0/23")!, parseCidr("10.1.0.0/24")!));
        assert.ok(sourceAllowed({ kind: "ipv4", text: "10.1.0.10" }, ["10.1.0.10/32"]));
        assert.ok(sourceAllowed({ kind: "ipv4", text: "10.1.0.10/32" }, ["10.1.0.10"]));
        assert.ok(!sourceAllowed({ kind: "ipv4", text: "10.1.0.0/16" }, ["10.1.0.10/32"]));
        assert.ok(sourceAllowed({ kind: "group", text: "sg-0abc" }, ["SG-0ABC"]));
        assert.ok(!sourceAllowed({ kind: "ipv6", text: "2001:db8::/64" }, ["10.0.0.0/8"]));
    });

    it("normalises protocols and decides which rules admit a TCP port", () => {
        assert.strictEqual(normaliseProtocol("-1"), "all");
        assert.strictEqual(normaliseProtocol("ALL"), "all");
        assert.strictEqual(normaliseProtocol(6), "tcp");
        assert.strictEqual(normaliseProtocol("constructor"), "constructor");
        const rule = (protocol: unknown, fromPort?: unknown, toPort?: unknown) => ({ protocol, fromPort, toPort }) as IngressRule;
        assert.strictEqual(admitsTcpPort(rule("all"), 22), true);
        assert.strictEqual(admitsTcpPort(rule("tcp", 20, 25), 22), true);
        assert.strictEqual(admitsTcpPort(rule("tcp", 443, 443), 22), false);
        assert.strictEqual(admitsTcpPort(rule("udp", 0, 65535), 22), false);
        assert.strictEqual(admitsTcpPort(rule("tcp", UNKNOWN, UNKNOWN), 22), UNKNOWN);
    });

    it("parses DataSync service names", () => {
        assert.deepStrictEqual(parseDataSyncServiceName("com.amazonaws.us-gov-west-1.datasync-fips"), { region: "us-gov-west-1", fips: true });
        assert.strictEqual(parseDataSyncServiceName("com.amazonaws.eu-west-2.datasync-fipz"), undefined);
        assert.ok(mentionsDataSync("com.amazonaws.datasync.eu-west-2"));
        assert.ok(!mentionsDataSync("com.amazonaws.eu-west-2.datasync-agent"));
    });

    it("splits ARNs", () => {
        assert.strictEqual(idFromArn("arn:aws:ec2:eu-west-2:111122223333:security-group/sg-0abc"), "sg-0abc");
        assert.strictEqual(idFromArn("sg-0abc"), "sg-0abc");
        assert.strictEqual(regionFromArn("arn:aws-us-gov:ec2:us-gov-west-1:111122223333:subnet/subnet-0abc"), "us-gov-west-1");
        assert.strictEqual(regionFromArn("arn:aws:iam::111122223333:role/x"), undefined);
    });

    it("resolves references by value, by dependency when unknown, and keeps outside IDs as literals", () => {
        for (const preview of [false, true]) {
            const s = new StackFixture({ preview });
            const a = s.add(TYPES.securityGroup, "a", {});
            const b = s.add(TYPES.securityGroup, "b", {});
            const e = s.add(TYPES.vpcEndpoint, "e", { securityGroupIds: [ref(a), "sg-0outside", ref(b)] });
            const stack = new Stack(policyResources(s.resources));
            const refs = stack.refs(stack.get(e.urn)!, "securityGroupIds", [TYPES.securityGroup], ["id"]);
            assert.deepStrictEqual(refs.refs.map((r) => r.res?.name ?? r.literal), ["a", "b", "sg-0outside"], `preview=${preview}`);
            assert.strictEqual(refs.unknown, false);
        }
    });

    it("does not mistake an in-stack resource for an outside one when its outputs lack the matched attribute", () => {
        const s = new StackFixture();
        const a = s.add(TYPES.securityGroup, "a", {});
        const e = s.add(TYPES.vpcEndpoint, "e", { securityGroupIds: [ref(a)] });
        delete a.props.id;
        const stack = new Stack(policyResources(s.resources));
        assert.deepStrictEqual(stack.refs(stack.get(e.urn)!, "securityGroupIds", [TYPES.securityGroup], ["id"]).refs.map((r) => r.res?.name ?? r.literal), ["a"]);
    });

    it("reports a reference it cannot resolve at all as unknown", () => {
        const s = new StackFixture();
        const e = s.add(TYPES.vpcEndpoint, "e", { securityGroupIds: [UNKNOWN_STRING] });
        const stack = new Stack(policyResources(s.resources));
        assert.deepStrictEqual(stack.refs(stack.get(e.urn)!, "securityGroupIds", [TYPES.securityGroup], ["id"]), { refs: [], unknown: true });
    });
});
