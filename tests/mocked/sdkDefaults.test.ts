// The SDKs send every property's schema default when the user leaves it out (schema.json
// `default`; the generated *ArgsProvideDefaults functions). Inputs exactly as an SDK sends them
// must be accepted: a default is not a choice, even where setting the property would be refused
// (transitGatewaySharing outside transitGateway mode).
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { DST } from "../fixtures/aws";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { built, recorder } from "./harness";

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../schema.json"), "utf8"));
const PREFIX = "datasync-privatelink:index:";

interface Prop {
    default?: unknown;
    $ref?: string;
    type?: string;
    items?: Prop;
}

/** Fills the schema defaults into `value` as the generated SDKs do, nested object types included. */
function withDefaults(value: Record<string, unknown>, props: Record<string, Prop>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...value };
    for (const [name, p] of Object.entries(props)) {
        if (out[name] === undefined && p.default !== undefined) {
            out[name] = p.default;
        }
        const type = (p.$ref ?? p.items?.$ref)?.replace(`#/types/${PREFIX}`, "");
        const nested = type ? schema.types[PREFIX + type]?.properties : undefined;
        if (nested && out[name] !== undefined) {
            out[name] = Array.isArray(out[name])
                ? (out[name] as Record<string, unknown>[]).map((v) => withDefaults(v, nested))
                : withDefaults(out[name] as Record<string, unknown>, nested);
        }
    }
    return out;
}

describe("inputs as the SDKs send them, schema defaults filled in", () => {
    it("an on-premises agent over an existing link builds, although transitGatewaySharing arrives set", async () => {
        recorder.reset();
        const args = withDefaults(
            {
                vpcId: DST.vpc,
                endpointSubnetIds: [DST.subnetA],
                agents: [{ name: "onprem1", address: "192.168.10.5", activation: { mode: "local" } }],
                link: { mode: "existing", sourceCidrBlocks: ["192.168.0.0/16"], destinationCidrBlocks: ["10.0.0.0/16"] },
            },
            schema.resources[PREFIX + "PrivateAgent"].inputProperties,
        );
        assert.strictEqual((args.link as Record<string, unknown>).transitGatewaySharing, "ram", "the schema default is filled in, as the SDKs do");
        assert.strictEqual(((args.agents as Record<string, unknown>[])[0].activation as Record<string, unknown>).timeoutSeconds, 600);
        const fleet = new PrivateAgent("dsync", args as never);
        await built(fleet, fleet.agentArn);
        assert.ok(recorder.ofType("aws:datasync/agent:Agent").length === 1);
    });
});
