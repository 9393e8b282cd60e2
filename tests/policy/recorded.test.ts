// The pack over stacks the components really build (recorded under the mocked harness): the
// on-premises, cross-account peering and transit gateway scenarios give no violation, and each
// stack really holds what the policies judge (so "no violation" means something).
import * as assert from "assert";
import { policies } from "../../policy/policies";
import { TYPES } from "../../policy/lib/types";
import { FixtureResource } from "./fixtures";
import { SRC } from "../fixtures/aws";
import { componentBuiltStack, RECORDED_CONFIG, SCENARIOS, WORLD_VPC_CIDRS } from "./recorded";
import { runPack } from "./runPack";

const nameOf = (urn: string) => urn.split("::").pop();

/** Policies that examined something (a resource, or the stack without declaring themselves not applicable). */
function examined(applied: Map<string, string[]>): string[] {
    return [...applied].filter(([, v]) => v.length > 0).map(([k]) => k);
}

/** What each scenario must contain, and which policies must have found something to judge in it. */
const EXPECT: Record<keyof typeof SCENARIOS, { types: string[]; notApplicable: string[] }> = {
    onPremises: {
        types: [TYPES.vpcEndpoint, TYPES.securityGroupIngressRule, TYPES.datasyncAgent, TYPES.localCommand],
        // No EC2 agent (no agent group, no port 80 rule), no link resources, no routes.
        notApplicable: [
            "datasync-agent-activation-port",
            "datasync-endpoint-support-channel",
            "datasync-ec2-agent-hardening",
            "connected-vpcs-no-cidr-overlap",
            "datasync-agent-egress-to-endpoint",
            "aws-route-duplicate",
        ],
    },
    crossAccountPeering: {
        types: [
            TYPES.vpcEndpoint,
            TYPES.instance,
            TYPES.datasyncAgent,
            TYPES.localCommand,
            TYPES.securityGroupIngressRule,
            TYPES.securityGroupEgressRule,
            TYPES.vpcPeering,
            TYPES.route,
        ],
        notApplicable: ["datasync-endpoint-support-channel"],
    },
    transitGateway: {
        types: [
            TYPES.vpcEndpoint,
            TYPES.instance,
            TYPES.datasyncAgent,
            TYPES.localCommand,
            TYPES.securityGroupIngressRule,
            TYPES.securityGroupEgressRule,
            TYPES.transitGatewayVpcAttachment,
            TYPES.route,
        ],
        notApplicable: ["datasync-endpoint-support-channel"],
    },
};

describe("policy pack over stacks built by the components themselves", function () {
    this.timeout(20000);
    for (const scenario of Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[]) {
        describe(scenario, () => {
            let resources: FixtureResource[];
            before(async () => {
                resources = await componentBuiltStack(scenario);
            });

            it("holds the resources the policies judge", () => {
                const types = new Set(resources.map((r) => r.type));
                for (const t of EXPECT[scenario].types) {
                    assert.ok(types.has(t), `missing ${t}`);
                }
            });

            it("gives no violation, and every applicable policy examined it", async () => {
                const result = await runPack(resources, RECORDED_CONFIG);
                assert.deepStrictEqual(result.violations, []);
                assert.deepStrictEqual(result.previewSkips, []);
                const expected = policies.map((p) => p.name).filter((n) => !EXPECT[scenario].notApplicable.includes(n));
                assert.deepStrictEqual(examined(result.applied).sort(), expected.sort());
            });
        });
    }

    it("would flag the peering stack with the activation Command's secret option removed", async () => {
        const resources = await componentBuiltStack("crossAccountPeering");
        const cmd = resources.find((r) => r.type === TYPES.localCommand)!;
        cmd.options = { ...cmd.options, additionalSecretOutputs: [] };
        const result = await runPack(resources, RECORDED_CONFIG);
        assert.deepStrictEqual(
            result.violations.map((v) => `${v.policy} ${nameOf(v.urn ?? "")}`),
            ["datasync-activation-key-secret rec-ec2-1-activation"],
        );
    });

    it("would flag the peering stack if the Agent also got privateLinkEndpoint (review F1)", async () => {
        const resources = await componentBuiltStack("crossAccountPeering");
        const agent = resources.find((r) => r.type === TYPES.datasyncAgent)!;
        agent.props.privateLinkEndpoint = "10.0.1.10";
        const result = await runPack(resources, RECORDED_CONFIG);
        assert.deepStrictEqual(
            result.violations.map((v) => `${v.policy} ${nameOf(v.urn ?? "")}`),
            ["datasync-agent-private-endpoint rec-ec2-1-agent"],
        );
    });

    it("would flag the transit gateway stack if the source VPC's ranges overlapped the endpoint's", async () => {
        const resources = await componentBuiltStack("transitGateway");
        const config = {
            ...RECORDED_CONFIG,
            "connected-vpcs-no-cidr-overlap": { externalVpcCidrs: { ...WORLD_VPC_CIDRS, [SRC.vpc]: ["10.20.0.0/16", "10.0.128.0/20"] } },
        };
        const result = await runPack(resources, config);
        assert.deepStrictEqual(
            result.violations.map((v) => `${v.policy} ${nameOf(v.urn ?? "")}`),
            ["connected-vpcs-no-cidr-overlap rec-src-attachment"],
        );
    });

    it("would flag the transit gateway stack if the agents' group lost its control-port egress", async () => {
        const resources = (await componentBuiltStack("transitGateway")).filter((r) => r.name !== "rec-agents-out-endpoint-1024-1064");
        const result = await runPack(resources, RECORDED_CONFIG);
        assert.deepStrictEqual(
            result.violations.map((v) => `${v.policy} ${nameOf(v.urn ?? "")}`),
            ["datasync-agent-egress-to-endpoint rec-ec2-1-instance"],
        );
        assert.match(
            result.violations[0].message,
            /cannot reach aws\.ec2\.VpcEndpoint "rec-endpoint" on TCP 1024-1064: .*Add egress to its private IP 10\.0\.1\.10/,
        );
    });
});
