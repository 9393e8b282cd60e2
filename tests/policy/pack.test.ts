// The pack as a whole: metadata, the resource types it recognises, and the two fixture stacks run
// through every policy (hand-built with mistakes: each flagged; component-shaped: nothing flagged).
import * as command from "@pulumi/command";
import * as aws from "@pulumi/aws";
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { TYPES } from "../../policy/lib/types";
import { UNKNOWN_SENTINELS } from "../../policy/lib/values";
import { policies } from "../../policy/policies";
import { FixtureResource } from "./fixtures";
import { runPack } from "./runPack";
import { COMPONENT_CONFIG, componentShapedFixture, expectedLevels, HAND_BUILT_MISTAKES, handBuiltStack } from "./stacks";

const nameOf = (urn: string | undefined) => (urn ?? "").split("::").pop();

/** policy|resource -> number of violations */
function tally(vs: { policy: string; urn?: string }[]): Map<string, number> {
    const m = new Map<string, number>();
    for (const v of vs) {
        const k = `${v.policy}|${nameOf(v.urn)}`;
        m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
}

describe("policy pack", () => {
    it("has fifteen policies with unique names, descriptions, remediation steps, severities and enforcement levels", () => {
        assert.strictEqual(policies.length, 15);
        assert.strictEqual(new Set(policies.map((p) => p.name)).size, 15);
        for (const p of policies) {
            assert.ok(p.description.length > 40, p.name);
            assert.ok((p.remediationSteps ?? "").length > 40, p.name);
            assert.ok(p.severity, p.name);
            assert.ok(p.enforcementLevel === "mandatory" || p.enforcementLevel === "advisory", p.name);
            for (const [k, schema] of Object.entries(p.configSchema?.properties ?? {})) {
                assert.ok(typeof schema === "object" && schema.default !== undefined && schema.description, `${p.name}.${k} needs a default and a description`);
            }
        }
    });

    it("makes every policy mandatory except private DNS (1), which AWS gives as a recommendation for other agents", () => {
        assert.deepStrictEqual(
            policies.filter((p) => p.enforcementLevel !== "mandatory").map((p) => `${p.name}: ${p.enforcementLevel}`),
            ["datasync-endpoint-private-dns-disabled: advisory"],
        );
    });

    it("uses the type tokens of the installed provider SDKs", () => {
        const classes: Record<keyof typeof TYPES, { isInstance(o: unknown): boolean }> = {
            vpc: aws.ec2.Vpc,
            vpcCidrAssociation: aws.ec2.VpcIpv4CidrBlockAssociation,
            subnet: aws.ec2.Subnet,
            securityGroup: aws.ec2.SecurityGroup,
            securityGroupRule: aws.ec2.SecurityGroupRule,
            securityGroupIngressRule: aws.vpc.SecurityGroupIngressRule,
            securityGroupEgressRule: aws.vpc.SecurityGroupEgressRule,
            managedPrefixList: aws.ec2.ManagedPrefixList,
            route: aws.ec2.Route,
            routeTable: aws.ec2.RouteTable,
            securityGroupAssociation: aws.ec2.SecurityGroupAssociation,
            vpcEndpoint: aws.ec2.VpcEndpoint,
            instance: aws.ec2.Instance,
            datasyncAgent: aws.datasync.Agent,
            vpcPeering: aws.ec2.VpcPeeringConnection,
            transitGateway: aws.ec2transitgateway.TransitGateway,
            transitGatewayVpcAttachment: aws.ec2transitgateway.VpcAttachment,
            localCommand: command.local.Command,
            remoteCommand: command.remote.Command,
        };
        for (const [key, token] of Object.entries(TYPES)) {
            assert.ok(classes[key as keyof typeof TYPES].isInstance({ __pulumiType: token }), `${key}: ${token}`);
        }
    });

    it("knows the same unknown-value sentinels as @pulumi/policy", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const proxy = require("@pulumi/policy/proxy") as Record<string, unknown>;
        const sdk = Object.entries(proxy)
            .filter(([k, v]) => /^unknown[A-Z]\w*Value$/.test(k) && typeof v === "string")
            .map(([, v]) => v as string);
        assert.deepStrictEqual([...sdk].sort(), [...UNKNOWN_SENTINELS].sort());
    });

    it("lists every policy in the README table", () => {
        const readme = fs.readFileSync(path.resolve(__dirname, "../../../policy/README.md"), "utf8");
        for (const p of policies) {
            assert.match(readme, new RegExp(`\\| *\\d+ *\\| *\`${p.name}\``), p.name);
        }
    });
});

describe("policy pack over a hand-built @pulumi/aws stack", () => {
    for (const preview of [false, true]) {
        it(`flags every mistake, and nothing else (${preview ? "preview: IDs unknown" : "update: IDs known"})`, async () => {
            const result = await runPack(handBuiltStack({ preview }));
            assert.deepStrictEqual(result.previewSkips, []);
            const expected = new Map(HAND_BUILT_MISTAKES.map((m) => [`${m.policy}|${m.resource}`, m.count]));
            assert.deepStrictEqual(tally(result.violations), expected);
            const levels = expectedLevels();
            assert.deepStrictEqual(
                result.violations.filter((v) => v.enforcementLevel !== levels.get(v.policy)).map((v) => v.policy),
                [],
            );
        });
    }

    it("exercises every policy of the pack", () => {
        assert.deepStrictEqual(new Set(HAND_BUILT_MISTAKES.map((m) => m.policy)), new Set(policies.map((p) => p.name)));
    });

    it("stops flagging a mistake once it is fixed", async () => {
        const rs = handBuiltStack();
        const find = (name: string) => rs.find((r) => r.name === name) as FixtureResource;
        find("datasync-endpoint").props.privateDnsEnabled = false;
        find("agent-http").props.cidrBlocks = ["10.1.0.10/32"];
        delete find("onprem-agent").props.privateLinkEndpoint;
        find("agent-egress").props.toPort = 1064;
        const result = await runPack(rs, { "datasync-agent-activation-port": { activationSourceCidrs: ["10.1.0.10/32"] } });
        const t = tally(result.violations);
        assert.strictEqual(t.get("datasync-endpoint-private-dns-disabled|datasync-endpoint"), undefined);
        assert.strictEqual(t.get("datasync-no-world-ingress|agent-http"), undefined);
        assert.strictEqual(t.get("datasync-agent-activation-port|agent-http"), undefined);
        assert.strictEqual(t.get("datasync-agent-private-endpoint|onprem-agent"), undefined);
        assert.strictEqual(t.get("datasync-agent-egress-to-endpoint|datasync-agent-vm"), undefined);
        const total = HAND_BUILT_MISTAKES.reduce((n, m) => n + m.count, 0);
        assert.strictEqual(result.violations.length, total - 5);
    });
});

describe("policy pack over the component-shaped stack", () => {
    for (const preview of [false, true]) {
        it(`flags nothing (${preview ? "preview: IDs unknown" : "update: IDs known"})`, async () => {
            const result = await runPack(componentShapedFixture({ preview }), COMPONENT_CONFIG);
            assert.deepStrictEqual(result.previewSkips, []);
            assert.deepStrictEqual(result.violations, []);
        });
    }

    it("actually examines the component's resources (so 'nothing flagged' means something)", async () => {
        const result = await runPack(componentShapedFixture(), COMPONENT_CONFIG);
        const applied = Object.fromEntries([...result.applied].map(([k, v]) => [k, v.map((u) => (u === "stack" ? u : nameOf(u)))]));
        assert.deepStrictEqual(applied, {
            "datasync-endpoint-private-dns-disabled": ["endpoint"],
            "datasync-endpoint-service-name": ["endpoint"],
            "datasync-no-world-ingress": ["stack"],
            "datasync-agent-activation-port": ["stack"],
            "datasync-endpoint-support-channel": [], // no rule opens TCP 22
            "datasync-agent-private-endpoint": ["agent"],
            "datasync-ec2-agent-hardening": ["agent-vm"],
            "connected-vpcs-no-cidr-overlap": ["stack"],
            "datasync-agent-endpoint-placement": ["stack"],
            "datasync-activation-key-secret": ["stack"],
            "aws-security-group-rule-quota": ["stack"],
            "aws-security-group-rule-duplicate": ["stack"],
            "datasync-agent-egress-to-endpoint": ["stack"],
            "aws-route-duplicate": ["stack"],
            "aws-names-and-descriptions": [
                "agent-sg",
                "endpoint-sg",
                "endpoint-sg-in-s0-443",
                "endpoint-sg-in-s0-1024-1064",
                "agent-sg-in-s0-80",
                "agent-sg-out-endpoint-443",
                "agent-sg-out-endpoint-1024-1064",
                "agent-sg-out-tasks-443",
                "agent",
            ],
        });
    });

    it("needs the activation host in the pack's config", async () => {
        const result = await runPack(componentShapedFixture());
        assert.deepStrictEqual(
            result.violations.map((v) => [v.policy, nameOf(v.urn)]),
            [["datasync-agent-activation-port", "agent-sg-in-s0-80"]],
        );
    });
});
