// Runs the compiled policy pack (build/policy/index.js) as the Pulumi CLI does, a child process
// serving the analyzer gRPC API, and sends it fixture resources over Analyze / AnalyzeStack. This
// exercises the policy SDK's own request handling: property deserialisation, the unknown-checking
// proxy, resource options, provider properties, property dependencies and Configure.
import * as grpc from "@grpc/grpc-js";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import * as rpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { PolicyPackConfig } from "@pulumi/policy";
import { ChildProcess, spawn } from "child_process";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as path from "path";
import { FixtureResource } from "./fixtures";

export interface Diagnostic {
    policy: string;
    /** The violation message, without the policy description the SDK puts in front of it. */
    message: string;
    urn: string;
    enforcementLevel: "advisory" | "mandatory" | "other";
}

const LEVELS: Record<string, pb.EnforcementLevel> = {
    advisory: pb.EnforcementLevel.ADVISORY,
    mandatory: pb.EnforcementLevel.MANDATORY,
    disabled: pb.EnforcementLevel.DISABLED,
};

function struct(v: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(v)));
}

function options(r: FixtureResource): pb.AnalyzerResourceOptions {
    const o = new pb.AnalyzerResourceOptions();
    o.setProtect(r.options.protect);
    o.setIgnorechangesList(r.options.ignoreChanges);
    o.setAliasesList(r.options.aliases);
    o.setAdditionalsecretoutputsList(r.options.additionalSecretOutputs);
    o.setCustomtimeouts(new pb.AnalyzerResourceOptions.CustomTimeouts());
    return o;
}

function provider(r: FixtureResource): pb.AnalyzerProviderResource {
    const p = new pb.AnalyzerProviderResource();
    p.setType(r.provider.type);
    p.setName(r.provider.name);
    p.setUrn(r.provider.urn);
    p.setProperties(struct(r.provider.props));
    return p;
}

function diagnostics(res: pb.AnalyzeResponse, urn?: string): Diagnostic[] {
    return res.getDiagnosticsList().map((d) => {
        const text = d.getMessage();
        const level = d.getEnforcementlevel();
        return {
            policy: d.getPolicyname(),
            message: text.includes("\n") ? text.slice(text.indexOf("\n") + 1) : text,
            urn: d.getUrn() || urn || "",
            enforcementLevel: level === pb.EnforcementLevel.MANDATORY ? "mandatory" : level === pb.EnforcementLevel.ADVISORY ? "advisory" : "other",
        };
    });
}

function call<Req, Res>(fn: (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => fn(req, (err, res) => (err ? reject(err) : resolve(res))));
}

export class PolicyPackProcess {
    private constructor(
        private readonly child: ChildProcess,
        private readonly client: rpc.AnalyzerClient,
    ) {}

    /** Starts build/policy/index.js with policy/ as its working directory (PolicyPack reads its package.json). */
    static async start(): Promise<PolicyPackProcess> {
        const entry = path.resolve(__dirname, "../../policy/index.js");
        const cwd = path.resolve(__dirname, "../../../policy");
        const child = spawn(process.execPath, [entry], { cwd, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr!.on("data", (d) => (stderr += d));
        const port = await new Promise<string>((resolve, reject) => {
            let out = "";
            child.stdout!.on("data", (d) => {
                out += d;
                const line = out.split("\n")[0].trim();
                if (out.includes("\n") && /^\d+$/.test(line)) {
                    resolve(line);
                }
            });
            child.on("exit", (code) => reject(new Error(`policy pack exited with ${code}: ${stderr}`)));
        });
        const client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return new PolicyPackProcess(child, client);
    }

    async configure(config: PolicyPackConfig): Promise<void> {
        const req = new pb.ConfigureAnalyzerRequest();
        for (const [name, c] of Object.entries(config)) {
            const pc = new pb.PolicyConfig();
            const { enforcementLevel, ...props } = typeof c === "string" ? { enforcementLevel: c } : c;
            if (enforcementLevel) {
                pc.setEnforcementlevel(LEVELS[enforcementLevel]);
            }
            pc.setProperties(struct(props));
            req.getPolicyconfigMap().set(name, pc);
        }
        await call(this.client.configure.bind(this.client), req);
    }

    /** Analyze for each resource (resource policies), then AnalyzeStack over all of them. */
    async analyze(resources: FixtureResource[]): Promise<Diagnostic[]> {
        const out: Diagnostic[] = [];
        for (const r of resources) {
            const req = new pb.AnalyzeRequest();
            req.setType(r.type);
            req.setName(r.name);
            req.setUrn(r.urn);
            req.setProperties(struct(r.props));
            req.setOptions(options(r));
            req.setProvider(provider(r));
            out.push(...diagnostics(await call(this.client.analyze.bind(this.client), req), r.urn));
        }
        const stack = new pb.AnalyzeStackRequest();
        stack.setResourcesList(
            resources.map((r) => {
                const a = new pb.AnalyzerResource();
                a.setType(r.type);
                a.setName(r.name);
                a.setUrn(r.urn);
                a.setProperties(struct(r.props));
                a.setOptions(options(r));
                a.setProvider(provider(r));
                const deps = new Set<string>();
                for (const [k, targets] of Object.entries(r.deps)) {
                    const pd = new pb.AnalyzerPropertyDependencies();
                    pd.setUrnsList(targets.map((t) => t.urn));
                    a.getPropertydependenciesMap().set(k, pd);
                    targets.forEach((t) => deps.add(t.urn));
                }
                a.setDependenciesList([...deps]);
                return a;
            }),
        );
        out.push(...diagnostics(await call(this.client.analyzeStack.bind(this.client), stack)));
        return out;
    }

    stop(): void {
        this.client.close();
        this.child.kill();
    }
}
