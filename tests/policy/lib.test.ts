// The pack's helpers: reading SDK props, rule normalisation, sources, reference resolution.
import * as assert from "assert";
import { parseCidr } from "../../provider/src/plan/cidr";
import { mentionsDataSync, parseDataSyncServiceName } from "../../policy/lib/recognize";
import { admitsTcpPort, SgRule, normaliseProtocol } from "../../policy/lib/rules";
import { groupIdOf, isWorldText, peerKey, sourceAllowed, within } from "../../policy/lib/sources";
import { FAMILIES, typeFacts } from "../../policy/lib/instanceTypes";
import { hasFipsEndpoint } from "../../policy/lib/fipsRegions";
import { permissionKey } from "../../policy/lib/permissions";
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
        const rule = (protocol: unknown, fromPort?: unknown, toPort?: unknown) => ({ protocol, fromPort, toPort }) as SgRule;
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
            assert.deepStrictEqual(
                refs.refs.map((r) => r.res?.name ?? r.literal),
                ["a", "b", "sg-0outside"],
                `preview=${preview}`,
            );
            assert.strictEqual(refs.unknown, false);
        }
    });

    it("does not mistake an in-stack resource for an outside one when its outputs lack the matched attribute", () => {
        const s = new StackFixture();
        const a = s.add(TYPES.securityGroup, "a", {});
        const e = s.add(TYPES.vpcEndpoint, "e", { securityGroupIds: [ref(a)] });
        delete a.props.id;
        const stack = new Stack(policyResources(s.resources));
        assert.deepStrictEqual(
            stack.refs(stack.get(e.urn)!, "securityGroupIds", [TYPES.securityGroup], ["id"]).refs.map((r) => r.res?.name ?? r.literal),
            ["a"],
        );
    });

    it("reports a reference it cannot resolve at all as unknown", () => {
        const s = new StackFixture();
        const e = s.add(TYPES.vpcEndpoint, "e", { securityGroupIds: [UNKNOWN_STRING] });
        const stack = new Stack(policyResources(s.resources));
        assert.deepStrictEqual(stack.refs(stack.get(e.urn)!, "securityGroupIds", [TYPES.securityGroup], ["id"]), { refs: [], unknown: true });
    });

    it("knows the architecture and memory of the families in its table, and nothing else", () => {
        assert.deepStrictEqual(typeFacts("m5.2xlarge"), { family: "m5", architecture: "x86_64", memoryGib: 32 });
        assert.deepStrictEqual(typeFacts("c5.2xlarge"), { family: "c5", architecture: "x86_64", memoryGib: 16 });
        assert.deepStrictEqual(typeFacts("c5.9xlarge"), { family: "c5", architecture: "x86_64", memoryGib: 72 });
        assert.deepStrictEqual(typeFacts("r6g.large"), { family: "r6g", architecture: "arm64", memoryGib: 16 });
        assert.deepStrictEqual(typeFacts("m6g.metal"), { family: "m6g", architecture: "arm64", memoryGib: undefined });
        assert.strictEqual(typeFacts("c5n.2xlarge"), undefined);
        assert.strictEqual(typeFacts("m5"), undefined);
        assert.strictEqual(typeFacts("m5.2xlarge.extra"), undefined);
        // Every Graviton family in the table has the "g" attribute after its generation (or is A1).
        for (const [family, f] of Object.entries(FAMILIES)) {
            assert.strictEqual(f.architecture === "arm64", /^[a-z]+\d+g[a-z]*$/.test(family) || family === "a1", family);
        }
    });

    it("has DataSync FIPS endpoints in the snapshot's Regions only", () => {
        for (const r of ["us-east-1", "ca-west-1", "us-gov-west-1"]) {
            assert.ok(hasFipsEndpoint(r), r);
        }
        for (const r of ["eu-west-2", "ap-southeast-2", "cn-north-1"]) {
            assert.ok(!hasFipsEndpoint(r), r);
        }
    });

    it("spells peers and permissions one way, as EC2 compares them", () => {
        assert.strictEqual(peerKey({ kind: "ipv4", text: "10.0.0.5" }), peerKey({ kind: "ipv4", text: "10.0.0.5/32" }));
        assert.strictEqual(peerKey({ kind: "group", text: "111122223333/sg-0ABC" }), peerKey({ kind: "group", text: "sg-0abc" }));
        assert.notStrictEqual(peerKey({ kind: "ipv4", text: "10.0.0.0/24" }), peerKey({ kind: "ipv4", text: "10.0.0.0/25" }));
        assert.strictEqual(groupIdOf("sg-0abc"), "sg-0abc");
        assert.strictEqual(
            permissionKey({ protocol: "all", fromPort: 0, toPort: 0 }),
            permissionKey({ protocol: "all", fromPort: undefined, toPort: undefined }),
        );
        assert.strictEqual(permissionKey({ protocol: "tcp", fromPort: 443, toPort: 443 }), "tcp:443:443");
        assert.strictEqual(permissionKey({ protocol: "tcp", fromPort: UNKNOWN, toPort: 443 }), undefined);
    });
});
