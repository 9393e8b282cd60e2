// The committed contract: schema.json and docs/reference.md as the args sources, the defaults table
// and the component registry make them.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { contractFiles } from "../../../scripts/gen-contract";
import { COMPONENT_NAMES, REGISTRY, TOKENS } from "../../../provider/src/components/tokens";
import { DEFAULTS } from "../../../provider/src/plan/defaults";
import { buildSchema } from "../../../provider/src/schema/package";
import { conflictingDescriptions, DIFFERENT_MEANINGS } from "../../../provider/src/schema/rules";
import { PropertySpec } from "../../../provider/src/schema/spec";

// Compiled to build/tests/unit/schema/: the repository root is four levels up.
const repoRoot = path.resolve(__dirname, "../../../..");
const PREFIX = "datasync-privatelink:index:";

interface Schema {
    name: string;
    version: string;
    language: Record<string, Record<string, unknown>>;
    resources: Record<
        string,
        {
            description: string;
            isComponent: boolean;
            inputProperties: Record<string, PropertySpec>;
            requiredInputs: string[];
            properties: Record<string, PropertySpec>;
            required: string[];
        }
    >;
    types: Record<
        string,
        { description: string; type: string; properties?: Record<string, PropertySpec>; required?: string[]; enum?: { name: string; value: string }[] }
    >;
}

const pkgVersion = (JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
const schema = buildSchema(repoRoot) as Schema;
const short = (token: string) => token.slice(PREFIX.length);
/** FirewallRule is reached from outputs only; every other object type is an input type. */
const OUTPUT_TYPES = new Set(["FirewallRule"]);

/** Every property set of the schema: [owner ("Agent" or "AwsSide"), side, properties, required]. */
function propertySets(): [string, "input" | "output", Record<string, PropertySpec>, string[]][] {
    const sets: [string, "input" | "output", Record<string, PropertySpec>, string[]][] = [];
    for (const [token, r] of Object.entries(schema.resources)) {
        sets.push([short(token), "input", r.inputProperties, r.requiredInputs]);
        sets.push([short(token), "output", r.properties, r.required]);
    }
    for (const [token, t] of Object.entries(schema.types)) {
        if (t.type === "object") {
            sets.push([short(token), OUTPUT_TYPES.has(short(token)) ? "output" : "input", t.properties!, t.required!]);
        }
    }
    return sets;
}

/** "Owner.property" → value of `default`, over every property that has one. */
function defaultsInSchema(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [owner, , props] of propertySets()) {
        for (const [name, p] of Object.entries(props)) {
            if (p.default !== undefined) out[`${owner}.${name}`] = p.default;
        }
    }
    return out;
}

describe("the contract (schema.json, docs/reference.md)", () => {
    it("is up to date with provider/src/args (else run `make schema`)", () => {
        for (const [rel, text] of contractFiles(repoRoot)) {
            const file = path.join(repoRoot, rel);
            const actual = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
            assert.ok(actual === text, `${rel} is stale or missing: run \`make schema\` and commit it`);
        }
    });

    it("has the package metadata and language sections", () => {
        assert.strictEqual(schema.name, "datasync-privatelink");
        assert.strictEqual(schema.version, pkgVersion);
        assert.deepStrictEqual(Object.keys(schema.language).sort(), ["go", "nodejs", "python"]);
        assert.strictEqual(schema.language.nodejs.packageName, "@datasync-privatelink/pulumi");
        assert.strictEqual(schema.language.python.packageName, "pulumi_datasync_privatelink");
        assert.deepStrictEqual(schema.language.python.pyproject, { enabled: true });
        assert.strictEqual(schema.language.go.importBasePath, "github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink");
        for (const lang of ["nodejs", "python", "go"]) {
            assert.strictEqual(schema.language[lang].respectSchemaVersion, true, lang);
        }
    });

    it("has exactly the registry's four components, with its descriptions", () => {
        assert.deepStrictEqual([...COMPONENT_NAMES].sort(), ["Agent", "NetworkLink", "PrivateAgent", "ServiceEndpoint"]);
        assert.deepStrictEqual(Object.keys(schema.resources).sort(), COMPONENT_NAMES.map((n) => TOKENS[n]).sort());
        for (const n of COMPONENT_NAMES) {
            const r = schema.resources[TOKENS[n]];
            assert.strictEqual(TOKENS[n], PREFIX + n);
            assert.strictEqual(r.isComponent, true, n);
            assert.strictEqual(r.description, REGISTRY[n].description, n);
        }
    });

    it("resolves every $ref to a type of this package", () => {
        const refs: string[] = [];
        const collect = (spec: unknown) => {
            if (spec && typeof spec === "object") {
                for (const [k, v] of Object.entries(spec)) {
                    if (k === "$ref") refs.push(v as string);
                    else collect(v);
                }
            }
        };
        collect(schema.resources);
        collect(schema.types);
        assert.ok(refs.length > 0);
        for (const ref of refs) {
            assert.ok(ref.startsWith(`#/types/${PREFIX}`), `${ref} is not a local type reference`);
            assert.ok(schema.types[ref.slice("#/types/".length)], `${ref} does not resolve`);
        }
    });

    it("describes every component, type and property", () => {
        for (const [token, r] of Object.entries({ ...schema.resources, ...schema.types })) {
            assert.ok(r.description.trim().length > 0, `${token} has no description`);
        }
        for (const [owner, side, props] of propertySets()) {
            for (const [name, p] of Object.entries(props)) {
                assert.ok(p.description.trim().length > 0, `${owner}.${name} (${side}) has no description`);
            }
        }
    });

    it("marks all outputs required, never secret, plain or defaulted", () => {
        for (const [owner, side, props, required] of propertySets()) {
            if (side !== "output") continue;
            assert.deepStrictEqual(required, Object.keys(props).sort(), `${owner}: every output is always set`);
            for (const [name, p] of Object.entries(props)) {
                assert.deepStrictEqual([p.secret, p.plain, p.default], [undefined, undefined, undefined], `${owner}.${name}`);
            }
        }
    });

    it("marks exactly the key inputs secret", () => {
        const secrets = propertySets().flatMap(([owner, , props]) =>
            Object.entries(props)
                .filter(([, p]) => p.secret)
                .map(([name]) => `${owner}.${name}`),
        );
        assert.deepStrictEqual(secrets.sort(), ["ActivationSettings.manualKey", "JumpHost.privateKey", "SshProxy.privateKey"]);
    });

    it("marks inputs not wrapped in pulumi.Input plain", () => {
        const privateAgent = schema.resources[PREFIX + "PrivateAgent"].inputProperties;
        assert.strictEqual(privateAgent.vpcId.plain, undefined);
        assert.strictEqual(privateAgent.agents.plain, true);
        assert.strictEqual(privateAgent.agents.items?.plain, true);
        assert.strictEqual(privateAgent.agentMode.plain, true);
        const endpoint = schema.resources[PREFIX + "ServiceEndpoint"].inputProperties;
        // pulumi.Input<string>[]: a plain array of eventual strings.
        assert.strictEqual(endpoint.allowedSources.plain, true);
        assert.strictEqual(endpoint.allowedSources.items?.plain, undefined);
        const activation = schema.types[PREFIX + "ActivationSettings"].properties!;
        assert.strictEqual(activation.mode.plain, true);
        assert.strictEqual(activation.manualKey.plain, undefined);
        assert.strictEqual(activation.timeoutSeconds.plain, undefined);
    });

    it("has the enums of the TypeScript unions, in order", () => {
        const actual: Record<string, [string, string][]> = {};
        for (const [token, t] of Object.entries(schema.types)) {
            if (t.enum) {
                assert.strictEqual(t.type, "string");
                actual[short(token)] = t.enum.map((e) => [e.name, e.value]);
            }
        }
        assert.deepStrictEqual(actual, {
            ActivationMode: [
                ["Local", "local"],
                ["Remote", "remote"],
                ["Manual", "manual"],
            ],
            AgentMode: [
                ["Basic", "basic"],
                ["Enhanced", "enhanced"],
            ],
            IngressScope: [
                ["AgentAddresses", "agentAddresses"],
                ["SourceRanges", "sourceRanges"],
            ],
            LinkMode: [
                ["Peering", "peering"],
                ["TransitGateway", "transitGateway"],
                ["Existing", "existing"],
            ],
            StorageProtocol: [
                ["Tcp", "tcp"],
                ["Udp", "udp"],
            ],
            TransitGatewaySharing: [
                ["Ram", "ram"],
                ["RamOrganization", "ramOrganization"],
                ["PreShared", "preShared"],
            ],
        });
    });

    it("has the object types reachable from the components, and none of the shared base interfaces", () => {
        const objects = Object.entries(schema.types)
            .filter(([, t]) => t.type === "object")
            .map(([token]) => short(token))
            .sort();
        assert.deepStrictEqual(objects, [
            "ActivationSettings",
            "AgentInstance",
            "AgentSpec",
            "AwsSide",
            "FirewallRule",
            "JumpHost",
            "LinkSettings",
            "SshProxy",
            "StorageEgress",
        ]);
        // NetworkLinkArgs extends LinkSettings: inherited members are inputs of NetworkLink.
        const link = schema.resources[PREFIX + "NetworkLink"];
        for (const name of Object.keys(schema.types[PREFIX + "LinkSettings"].properties!)) {
            assert.ok(link.inputProperties[name], `NetworkLink lacks inherited input ${name}`);
        }
        assert.ok(link.requiredInputs.includes("mode"));
    });
});

describe("inputs declared once", () => {
    it("gives every input name one description, except the names listed as different settings", () => {
        const inputs = propertySets()
            .filter(([, side]) => side === "input")
            .map(([owner, , props]): [string, Record<string, PropertySpec>] => [owner, props]);
        const conflicts = conflictingDescriptions(inputs);
        assert.deepStrictEqual([...conflicts.keys()], Object.keys(DIFFERENT_MEANINGS));
        assert.deepStrictEqual([...conflicts.get("mode")!.keys()].sort(), ["ActivationSettings", "LinkSettings", "NetworkLink"]);
    });

    it("gives PrivateAgent the same inputs, with the same text, as the children it forwards them to", () => {
        const inputs = (n: string) => schema.resources[PREFIX + n].inputProperties;
        const forwarded: Record<string, string[]> = {
            ServiceEndpoint: ["vpcId", "activationSubnetId", "fips", "supportChannel", "existingVpcEndpointId", "existingSecurityGroupId", "tags"],
            Agent: [
                "agentMode",
                "activationSourceCidrs",
                "allowWorldActivationSource",
                "activationRegion",
                "fips",
                "supportChannel",
                "source",
                "destination",
                "tags",
            ],
            NetworkLink: ["source", "destination", "tags"],
        };
        for (const [child, names] of Object.entries(forwarded)) {
            for (const name of names) {
                assert.deepStrictEqual(inputs("PrivateAgent")[name], inputs(child)[name], `PrivateAgent.${name} vs ${child}.${name}`);
            }
        }
        assert.deepStrictEqual(schema.types[PREFIX + "AgentSpec"].properties!.instance, inputs("Agent").instance);
    });
});

describe("structured defaults", () => {
    it("puts every fixed default of plan/defaults.ts into schema.json as `default`", () => {
        const d = DEFAULTS;
        const endpoint = { fips: d.endpoint.fips, supportChannel: d.endpoint.supportChannel };
        const fleet = { agentMode: d.agent.mode, allowWorldActivationSource: d.activationAccess.allowWorldActivationSource, ...endpoint };
        const link = { transitGatewaySharing: d.link.transitGatewaySharing };
        const ssh = { user: d.ssh.user, port: d.ssh.port };
        const expected: Record<string, unknown> = {};
        const add = (owner: string, values: Record<string, unknown>) => Object.entries(values).forEach(([k, v]) => (expected[`${owner}.${k}`] = v));
        add("Agent", fleet);
        add("PrivateAgent", { ...fleet, ingressScope: d.fleet.ingressScope, securityGroupRuleQuota: d.fleet.securityGroupRuleQuota });
        add("StorageEgress", { protocol: d.storage.protocol });
        add("ServiceEndpoint", endpoint);
        add("NetworkLink", link);
        add("LinkSettings", link);
        add("ActivationSettings", { mode: d.activation.mode, timeoutSeconds: d.activation.timeoutSeconds });
        add("AwsSide", { sessionName: d.side.sessionName });
        add("JumpHost", ssh);
        add("SshProxy", ssh);
        assert.deepStrictEqual(defaultsInSchema(), expected);
        // The values themselves, so a changed default shows up in review here too.
        assert.deepStrictEqual(
            [d.activation.timeoutSeconds, d.activation.requestTimeoutSeconds, d.ssh.user, d.ssh.port, d.side.sessionName, d.agent.mode, d.activation.mode],
            [600, 10, "ec2-user", 22, "datasync-privatelink", "basic", "local"],
        );
    });

    it("writes the defaults that depend on other inputs into the description, and nowhere as `default`", () => {
        const activation = schema.types[PREFIX + "ActivationSettings"].properties!;
        assert.strictEqual(activation.requestTimeoutSeconds.default, undefined);
        assert.match(activation.requestTimeoutSeconds.description, /Defaults to 10, or to `timeoutSeconds` when that is shorter\./);
        const instance = schema.types[PREFIX + "AgentInstance"];
        assert.strictEqual(instance.properties!.instanceType.default, undefined);
        assert.match(instance.properties!.instanceType.description, /Defaults by `agentMode` to "m5\.2xlarge" \(basic\) or "m6a\.2xlarge" \(enhanced\)\./);
        assert.match(instance.properties!.amiId.description, /"\/aws\/service\/datasync\/ami" \(basic\) or "\/aws\/service\/datasync\/ami\/v3" \(enhanced\)/);
        assert.match(instance.description, /an encrypted 80 GiB gp3 root volume/);
    });

    it("shows the defaults in docs/reference.md", () => {
        const reference = contractFiles(repoRoot).get("docs/reference.md")!;
        assert.match(reference, /^\| `timeoutSeconds` \| integer \| {2}\| `600` \| Overall deadline/m);
        assert.match(reference, /^\| `agentMode` \| \[AgentMode\]\(#agentmode\) \| {2}\| `"basic"` \|/m);
    });
});

describe("types users expect", () => {
    it("types ports and seconds as integer, and no input as a float", () => {
        const integers: string[] = [];
        for (const [owner, , props] of propertySets()) {
            for (const [name, p] of Object.entries(props)) {
                assert.notStrictEqual(p.type, "number", `${owner}.${name} is a float; use Integer`);
                if (p.type === "integer") integers.push(`${owner}.${name}`);
            }
        }
        assert.deepStrictEqual(integers.sort(), [
            "ActivationSettings.requestTimeoutSeconds",
            "ActivationSettings.timeoutSeconds",
            "JumpHost.port",
            "PrivateAgent.securityGroupRuleQuota",
            "SshProxy.port",
            "StorageEgress.fromPort",
            "StorageEgress.toPort",
        ]);
    });
});
