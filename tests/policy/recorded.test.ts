import * as assert from "assert";
import { componentBuiltStack, RECORDED_ACTIVATION_SOURCE } from "./recorded";
import { runPack } from "./runPack";

describe("policy pack over a stack built by the components themselves", () => {
    it("flags nothing in what PrivateAgent creates", async () => {
        const resources = await componentBuiltStack();
        const types = new Set(resources.map((r) => r.type));
        // the stack really contains what the policies look at
        for (const t of ["aws:ec2/vpcEndpoint:VpcEndpoint", "aws:ec2/instance:Instance", "aws:datasync/agent:Agent", "command:local:Command", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:ec2/vpcPeeringConnection:VpcPeeringConnection"]) {
            assert.ok(types.has(t), `missing ${t}`);
        }
        const result = await runPack(resources, { "datasync-agent-activation-port": { activationSourceCidrs: [RECORDED_ACTIVATION_SOURCE] } });
        assert.deepStrictEqual(result.violations, []);
        assert.deepStrictEqual(result.previewSkips, []);
        // and the policies did examine the component's resources
        assert.ok((result.applied.get("datasync-ec2-agent-hardening") ?? []).some((u) => u.endsWith("::rec-ec2-instance")));
        assert.ok((result.applied.get("datasync-endpoint-private-dns-disabled") ?? []).some((u) => u.endsWith("::rec-endpoint")));
    });

    it("would flag the same stack with the activation Command's secret option removed", async () => {
        const resources = await componentBuiltStack();
        const cmd = resources.find((r) => r.type === "command:local:Command")!;
        cmd.options = { ...cmd.options, additionalSecretOutputs: [] };
        const result = await runPack(resources, { "datasync-agent-activation-port": { activationSourceCidrs: [RECORDED_ACTIVATION_SOURCE] } });
        assert.deepStrictEqual(result.violations.map((v) => v.policy), ["datasync-activation-key-secret"]);
    });
});
