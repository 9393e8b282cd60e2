// The schema and the implementation agree: every token is constructible through the
// provider, every declared output is in construct's state, the implementation reads
// no input the schema lacks, and every schema input is read somewhere.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import * as pulumi from "@pulumi/pulumi";
import { COMPONENTS, Provider } from "../../provider/src/provider";
import { recorder, resolve } from "./harness";

const root = path.resolve(__dirname, "../../..");
const schemaText = fs.readFileSync(path.join(root, "schema.json"), "utf8");
const schema = JSON.parse(schemaText);

const endpointArgs = {
    vpcId: "vpc-dst",
    subnetIds: ["subnet-dst-a"],
    activationSubnetId: "subnet-dst-a",
    allowedSources: ["10.20.1.5"],
    fips: false,
    supportChannel: false,
    tags: { a: "b" },
};
const link = {
    mode: "peering",
    sourceVpcId: "vpc-src",
    sourceCidrBlocks: ["10.20.0.0/16"],
    destinationCidrBlocks: ["10.0.0.0/16"],
    onPremCidrBlocks: ["192.168.0.0/16"],
    sourceRouteTableIds: ["rtb-1"],
    destinationRouteTableIds: ["rtb-2"],
};
const activation = { mode: "local", addressOverride: "127.0.0.1:18080", timeoutSeconds: 60, requestTimeoutSeconds: 5, reactivationTrigger: "x" };
const side = { region: "eu-west-2", roleArn: "arn:aws:iam::111111111111:role/r", externalId: "e", sessionName: "s", accountId: "111111111111" };

const INPUTS: Record<string, Record<string, unknown>> = {
    "datasync-privatelink:index:ServiceEndpoint": endpointArgs,
    "datasync-privatelink:index:NetworkLink": { ...link, destinationVpcId: "vpc-dst", source: side, destination: side, tags: { a: "b" } },
    "datasync-privatelink:index:Agent": {
        agentName: "a",
        agentMode: "basic",
        instance: { subnetId: "subnet-dst-a", instanceType: "m5.2xlarge", amiId: "ami-1", keyName: "k", extraSecurityGroupIds: ["sg-1"] },
        activation,
        activationSourceCidrs: ["10.0.0.10/32"],
        allowWorldActivationSource: false,
        vpcEndpointId: "vpce-0123456789abcdef0",
        endpointPrivateIp: "10.0.1.10",
        subnetArn: "arn:aws:ec2:eu-west-2:111111111111:subnet/subnet-dst-a",
        securityGroupArn: "arn:aws:ec2:eu-west-2:111111111111:security-group/sg-1",
        endpointSecurityGroupId: "sg-1",
        taskSubnetCidr: "10.0.1.0/24",
        activationRegion: "eu-west-2",
        fips: false,
        supportChannel: true,
        source: side,
        destination: side,
        tags: { a: "b" },
    },
    "datasync-privatelink:index:PrivateAgent": {
        destination: side,
        source: side,
        vpcId: "vpc-dst",
        endpointSubnetIds: ["subnet-dst-a"],
        activationSubnetId: "subnet-dst-a",
        agents: [{ name: "a1", address: "10.20.1.5", activation, tags: { c: "d" } }],
        agentMode: "basic",
        link,
        activationSourceCidrs: ["10.0.0.10/32"],
        allowWorldActivationSource: false,
        activationRegion: "eu-west-2",
        fips: false,
        supportChannel: false,
        existingVpcEndpointId: "vpce-0123456789abcdef0",
        existingSecurityGroupId: "sg-0abc",
        tags: { a: "b" },
    },
};

/** Wraps inputs so that reading a property the caller did not pass is recorded. */
function watch(value: unknown, where: string, missing: Set<string>): unknown {
    if (Array.isArray(value)) {
        return value.map((v, i) => watch(v, `${where}[${i}]`, missing));
    }
    if (typeof value !== "object" || value === null) {
        return value;
    }
    const inner = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, watch(v, `${where}.${k}`, missing)]));
    return new Proxy(inner, {
        get(target, key) {
            // SDK probes such as Output.isInstance read marker fields; they are not inputs.
            if (typeof key === "string" && !(key in target) && !key.startsWith("__") && !["then", "toJSON", "constructor"].includes(key)) {
                missing.add(`${where}.${key}`);
            }
            return Reflect.get(target, key);
        },
    });
}

describe("provider and schema agreement", () => {
    const provider = new Provider("0.0.0", schemaText);

    it("serves exactly the schema's tokens", () => {
        assert.deepStrictEqual(Object.keys(COMPONENTS).sort(), Object.keys(schema.resources).sort());
    });

    for (const token of Object.keys(schema.resources)) {
        it(`${token}: constructs, reports every output, reads no undeclared input`, async () => {
            recorder.reset();
            const declared = new Set(Object.keys(schema.resources[token].inputProperties));
            const missing = new Set<string>();
            const inputs = watch(INPUTS[token], "", missing) as pulumi.Inputs;
            for (const k of Object.keys(INPUTS[token])) {
                assert.ok(declared.has(k), `test input ${k} is not in the schema`);
            }
            const result = await provider.construct("agree", token, inputs, {});
            const outputs = Object.keys(schema.resources[token].properties).sort();
            assert.deepStrictEqual(Object.keys(result.state).sort(), outputs);
            for (const k of outputs) {
                const v = (result.state as Record<string, pulumi.Output<unknown>>)[k];
                assert.ok(pulumi.Output.isInstance(v), `${k} is not an output`);
                await resolve(v);
            }
            const undeclared = [...missing].filter((m) => !declared.has(m.split(".")[1]) || m.split(".").length > 2);
            const unknownTop = [...missing].filter((m) => m.split(".").length === 2 && !declared.has(m.split(".")[1]));
            assert.deepStrictEqual(unknownTop, [], "top-level inputs read that the schema lacks");
            // nested reads must be properties of the nested schema types
            for (const m of undeclared.filter((x) => x.split(".").length > 2)) {
                const leaf = m.split(".").pop()!;
                const known = Object.values(schema.types as Record<string, { properties?: Record<string, unknown> }>).some((t) => t.properties && leaf in t.properties);
                assert.ok(known, `nested input ${m} is in no schema type`);
            }
        });
    }

    it("every schema input is read somewhere in the implementation", () => {
        const read = new Set<string>();
        const dir = path.join(root, "provider/src");
        const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
        // plan/defaults.ts names inputs as keys of the defaults table; that is not reading them.
        for (const file of walk(dir).filter((f) => f.endsWith(".ts") && !f.includes("/args/") && !f.includes("/schema/") && !f.endsWith("/plan/defaults.ts"))) {
            const src = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
            const visit = (n: ts.Node): void => {
                if (ts.isPropertyAccessExpression(n)) {
                    read.add(n.name.text);
                } else if (ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) {
                    // `{ ...args.link, source: args.source }` passes inputs on by name
                    read.add(n.name.getText(src));
                }
                ts.forEachChild(n, visit);
            };
            visit(src);
        }
        const inputs = new Set<string>();
        for (const r of Object.values(schema.resources as Record<string, { inputProperties: object }>)) {
            Object.keys(r.inputProperties).forEach((k) => inputs.add(k));
        }
        for (const t of Object.values(schema.types as Record<string, { properties?: object }>)) {
            Object.keys(t.properties ?? {}).forEach((k) => inputs.add(k));
        }
        const unread = [...inputs].filter((k) => !read.has(k)).sort();
        assert.deepStrictEqual(unread, []);
    });
});
