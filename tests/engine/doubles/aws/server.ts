// The provider gRPC protocol, served for the AWS TEST DOUBLE over @pulumi/pulumi's own generated
// proto modules. Why not @pulumi/pulumi/provider's server: it answers Configure without handing the
// request to the implementation (server.js `configure` only sets acceptSecrets/acceptResources), so a
// double built on it cannot know which Region and account a provider instance stands for. This
// server is small on purpose: it turns each request into plain JavaScript, calls the double, and
// turns the answer back, nothing else.
import * as grpc from "@grpc/grpc-js";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";

export interface Failure {
    property: string;
    reason: string;
}

export interface ConfigureCall {
    variables: Record<string, string>;
    /** The typed configuration (newer engines send it beside the flat variables). */
    args?: Record<string, unknown>;
    urn?: string;
}

export interface DiffAnswer {
    changes: boolean;
    replaces: string[];
    /** Every changed top-level property, with whether it forces a replacement. */
    detailed: Record<string, "update" | "replace" | "add" | "delete">;
    deleteBeforeReplace?: boolean;
}

/** What the AWS double implements; every value is plain JavaScript as the Struct decodes it. */
export interface ProviderImpl {
    readonly version: string;
    configure(call: ConfigureCall): void;
    check(urn: string, olds: any, news: any, randomSeed: Buffer): Promise<{ inputs: any; failures: Failure[] }>;
    diff(id: string, urn: string, olds: any, news: any, oldInputs: any): Promise<DiffAnswer>;
    create(urn: string, props: any): Promise<{ id: string; outs: any }>;
    read(id: string, urn: string, props: any, inputs: any): Promise<{ id: string; props: any; inputs?: any }>;
    update(id: string, urn: string, olds: any, news: any, oldInputs: any): Promise<{ outs: any }>;
    delete(id: string, urn: string, props: any): Promise<void>;
    invoke(token: string, args: any): Promise<{ outputs: any; failures?: Failure[] }>;
}

const KIND: Record<DiffAnswer["detailed"][string], provproto.PropertyDiff.Kind> = {
    update: provproto.PropertyDiff.Kind.UPDATE,
    replace: provproto.PropertyDiff.Kind.UPDATE_REPLACE,
    add: provproto.PropertyDiff.Kind.ADD,
    delete: provproto.PropertyDiff.Kind.DELETE,
};

const js = (s: structproto.Struct | undefined): any => (s ? s.toJavaScript() : {});
const struct = (o: unknown): structproto.Struct => structproto.Struct.fromJavaScript((o ?? {}) as Record<string, any>);

function failures(list: Failure[]): provproto.CheckFailure[] {
    return list.map((f) => {
        const out = new provproto.CheckFailure();
        out.setProperty(f.property);
        out.setReason(f.reason);
        return out;
    });
}

type Callback<T> = (err: grpc.ServiceError | null, value?: T) => void;

/** Runs one handler; an exception becomes a gRPC UNKNOWN error carrying its message (what the engine shows). */
function unary<Req, Res>(fn: (req: Req) => Promise<Res> | Res) {
    return (call: { request: Req }, callback: Callback<Res>) => {
        Promise.resolve()
            .then(() => fn(call.request))
            .then(
                (res) => callback(null, res),
                (e: unknown) =>
                    callback({ code: grpc.status.UNKNOWN, details: e instanceof Error ? e.message : String(e), message: String(e) } as grpc.ServiceError),
            );
    };
}

function handlers(impl: ProviderImpl): grpc.UntypedServiceImplementation {
    return {
        getPluginInfo: unary(() => new plugproto.PluginInfo().setVersion(impl.version)),
        getSchema: unary(() => new provproto.GetSchemaResponse().setSchema("{}")),
        attach: unary(() => new emptyproto.Empty()),
        cancel: unary(() => new emptyproto.Empty()),
        // The real provider validates its configuration here; the double accepts it as given.
        checkConfig: unary((req: provproto.CheckRequest) => new provproto.CheckResponse().setInputs(req.getNews())),
        diffConfig: unary(() => new provproto.DiffResponse().setChanges(provproto.DiffResponse.DiffChanges.DIFF_UNKNOWN)),
        configure: unary((req: provproto.ConfigureRequest) => {
            const variables: Record<string, string> = {};
            req.getVariablesMap().forEach((v, k) => {
                variables[k] = v;
            });
            impl.configure({ variables, args: req.getArgs() ? js(req.getArgs()) : undefined, urn: req.getUrn() || undefined });
            return new provproto.ConfigureResponse().setAcceptsecrets(true).setAcceptresources(true).setAcceptoutputs(false);
        }),
        check: unary(async (req: provproto.CheckRequest) => {
            const seed = Buffer.from(req.getRandomseed_asU8());
            const r = await impl.check(req.getUrn(), js(req.getOlds()), js(req.getNews()), seed);
            return new provproto.CheckResponse().setInputs(struct(r.inputs)).setFailuresList(failures(r.failures));
        }),
        diff: unary(async (req: provproto.DiffRequest) => {
            const r = await impl.diff(req.getId(), req.getUrn(), js(req.getOlds()), js(req.getNews()), js(req.getOldInputs()));
            const res = new provproto.DiffResponse()
                .setChanges(r.changes ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE)
                .setReplacesList(r.replaces)
                .setDiffsList(Object.keys(r.detailed))
                .setDeletebeforereplace(r.deleteBeforeReplace === true)
                .setHasdetaileddiff(true);
            for (const [k, kind] of Object.entries(r.detailed)) {
                res.getDetaileddiffMap().set(k, new provproto.PropertyDiff().setKind(KIND[kind]).setInputdiff(true));
            }
            return res;
        }),
        create: unary(async (req: provproto.CreateRequest) => {
            const r = await impl.create(req.getUrn(), js(req.getProperties()));
            return new provproto.CreateResponse().setId(r.id).setProperties(struct(r.outs));
        }),
        read: unary(async (req: provproto.ReadRequest) => {
            const r = await impl.read(req.getId(), req.getUrn(), js(req.getProperties()), js(req.getInputs()));
            const res = new provproto.ReadResponse().setId(r.id).setProperties(struct(r.props));
            return r.inputs === undefined ? res : res.setInputs(struct(r.inputs));
        }),
        update: unary(async (req: provproto.UpdateRequest) => {
            const r = await impl.update(req.getId(), req.getUrn(), js(req.getOlds()), js(req.getNews()), js(req.getOldInputs()));
            return new provproto.UpdateResponse().setProperties(struct(r.outs));
        }),
        delete: unary(async (req: provproto.DeleteRequest) => {
            await impl.delete(req.getId(), req.getUrn(), js(req.getProperties()));
            return new emptyproto.Empty();
        }),
        invoke: unary(async (req: provproto.InvokeRequest) => {
            const r = await impl.invoke(req.getTok(), js(req.getArgs()));
            return new provproto.InvokeResponse().setReturn(struct(r.outputs)).setFailuresList(failures(r.failures ?? []));
        }),
    };
}

/**
 * Serves the implementation on 127.0.0.1 and prints the port, which is how the engine learns where
 * its plugin listens. Methods not listed (Handshake, Construct, Call, ...) answer UNIMPLEMENTED,
 * which the engine handles as it does for any provider that lacks them.
 */
export async function serve(impl: ProviderImpl): Promise<void> {
    const server = new grpc.Server({ "grpc.max_receive_message_length": 1024 * 1024 * 400 });
    server.addService(provrpc.ResourceProviderService as unknown as grpc.ServiceDefinition, handlers(impl));
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    console.log(String(port));
}
