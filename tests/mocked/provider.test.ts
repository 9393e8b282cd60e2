// The schema and the implementation agree: every token is constructible through the
// provider, every declared output is in construct's state, the implementation reads
// no input the schema lacks, and every schema input is read somewhere.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import * as pulumi from "@pulumi/pulumi";
import { COMPONENTS, Provider } from "../../provider/src/provider";
import { ACCOUNT, AMI, DST, REGION, SOURCE_ACCOUNT, SRC } from "../fixtures/aws";
import { recorder, resolve } from "./harness";
import { defaultWorld, MockWorld } from "./world";

const root = path.resolve(__dirname, "../../..");
const schemaText = fs.readFileSync(path.join(root, "schema.json"), "utf8");
const schema = JSON.parse(schemaText);

const SUBNET_ARN = `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${DST.subnetA}`;
const ADOPTED_ENDPOINT = "vpce-0ad0000000000000a";
const ADOPTED_GROUP = "sg-0ad0000000000000a";
const GROUP_ARN = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${ADOPTED_GROUP}`;

/** The world plus an endpoint (and its one group) for PrivateAgent to adopt. */
function world(): MockWorld {
    const w = defaultWorld();
    w.endpoints[ADOPTED_ENDPOINT] = {
        vpcId: DST.vpc,
        serviceName: `com.amazonaws.${REGION}.datasync`,
        privateDnsEnabled: false,
        state: "available",
        securityGroupIds: [ADOPTED_GROUP],
        interfaces: [{ id: "eni-0ad0000000000000a", subnetId: DST.subnetA, privateIp: "10.0.1.50" }],
    };
    w.securityGroups[ADOPTED_GROUP] = { vpcId: DST.vpc };
    return w;
}

const endpointArgs = {
    vpcId: DST.vpc,
    subnetIds: [DST.subnetA],
    activationSubnetId: DST.subnetA,
    allowedSources: ["10.20.1.5"],
    fips: false,
    supportChannel: false,
    tags: { a: "b" },
};
const link = {
    mode: "peering",
    sourceVpcId: SRC.vpc,
    sourceCidrBlocks: ["10.20.0.0/16"],
    destinationCidrBlocks: ["10.0.0.0/16"],
    onPremCidrBlocks: ["192.168.0.0/16"],
    sourceRouteTableIds: [SRC.routeTable],
    destinationRouteTableIds: [DST.routeTable],
};
const activation = { mode: "local", addressOverride: "127.0.0.1:18080", timeoutSeconds: 60, requestTimeoutSeconds: 5, reactivationTrigger: "x" };
const source = { region: REGION, roleArn: `arn:aws:iam::${SOURCE_ACCOUNT}:role/r`, externalId: "e", sessionName: "s", accountId: SOURCE_ACCOUNT };
const destination = { region: REGION, roleArn: `arn:aws:iam::${ACCOUNT}:role/r`, externalId: "e", sessionName: "s", accountId: ACCOUNT };
const agentNetwork = {
    taskInterfaceCidrs: ["10.0.1.0/24"],
    storageEgress: [{ cidrBlock: "10.20.5.10/32", protocol: "tcp", fromPort: 2049, toPort: 2049 }],
    dnsServers: ["10.20.0.2"],
};

const INPUTS: Record<string, Record<string, unknown>> = {
    "datasync-privatelink:index:ServiceEndpoint": endpointArgs,
    "datasync-privatelink:index:NetworkLink": { ...link, destinationVpcId: DST.vpc, source, destination, tags: { a: "b" } },
    "datasync-privatelink:index:Agent": {
        agentName: "a",
        agentMode: "basic",
        instance: {
            subnetId: SRC.subnetA,
            instanceType: "m5.2xlarge",
            amiId: AMI.basic,
            keyName: "k",
            extraSecurityGroupIds: ["sg-0e0000000000000a1"],
            rootVolumeKmsKeyId: "alias/agents",
        },
        activation,
        activationSourceCidrs: ["10.0.0.10/32"],
        allowWorldActivationSource: false,
        vpcEndpointId: "vpce-0123456789abcdef0",
        endpointPrivateIp: "10.0.1.10",
        subnetArn: SUBNET_ARN,
        securityGroupArn: GROUP_ARN,
        endpointSecurityGroupId: ADOPTED_GROUP,
        ...agentNetwork,
        activationRegion: REGION,
        fips: false,
        supportChannel: true,
        source,
        destination,
        tags: { a: "b" },
    },
    "datasync-privatelink:index:PrivateAgent": {
        destination,
        source,
        vpcId: DST.vpc,
        endpointSubnetIds: [DST.subnetA],
        activationSubnetId: DST.subnetA,
        agents: [{ name: "a1", address: "10.20.1.5", activation, tags: { c: "d" } }],
        agentMode: "basic",
        link,
        activationSourceCidrs: ["10.0.0.10/32"],
        allowWorldActivationSource: false,
        activationRegion: REGION,
        fips: false,
        supportChannel: false,
        existingVpcEndpointId: ADOPTED_ENDPOINT,
        existingSecurityGroupId: ADOPTED_GROUP,
        ingressScope: "agentAddresses",
        securityGroupRuleQuota: 60,
        ...agentNetwork,
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
            recorder.reset(world());
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
                const known = Object.values(schema.types as Record<string, { properties?: Record<string, unknown> }>).some(
                    (t) => t.properties && leaf in t.properties,
                );
                assert.ok(known, `nested input ${m} is in no schema type`);
            }
        });
    }

    it("every schema input is read somewhere in the implementation", () => {
        const read = new Set<string>();
        const dir = path.join(root, "provider/src");
        const walk = (d: string): string[] =>
            fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
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
