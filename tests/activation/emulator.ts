/**
 * A double of a DataSync agent's activation port (TCP 80), for tests of the activation script. It is
 * not the agent: each behaviour says where it comes from, by a number from the source list below, or
 * says GUESS when no source describes it.
 *
 * It listens on 127.0.0.1 only, on an ephemeral port. Each request gets the next scripted behaviour
 * (the last one repeats), and every request and TCP connection is recorded so that tests can assert
 * the exact query and count attempts.
 *
 * The port is in one of three states:
 * - closed: nothing listens, so connections are refused (a booting VM, an activated agent);
 * - resetting: every connection is accepted and reset at once; a stand-in for "closed" that fails
 *   as fast but lets the emulator count the attempts (the kernel refuses a closed port unseen);
 * - open: requests are answered.
 * The agent's lifecycle: closed while booting (`reserve`, then `listen`/`openAfter`), open, closed by
 * `activate(key)` (what CreateAgent does), reopened `reopenAfterMs` after `deleteAgent()`.
 */
import * as http from "http";
import * as net from "net";
import { performance } from "perf_hooks";

export const EMULATOR_HOST = "127.0.0.1";

/*
 * Sources, cited as [n] next to each behaviour:
 * [1] AWS DataSync User Guide, "Creating an AWS DataSync agent with the AWS CLI" (create-agent-cli.html;
 *     awsdocs/aws-datasync-user-guide doc_source/create-agent-cli.md): `curl "http://agent-ip-address/
 *     ?gatewayType=SYNC&activationRegion=aws-region&privateLinkEndpoint=IP address of VPC endpoint
 *     &endpointType=PRIVATE_LINK&no_redirect"` ... "This command returns an activation key similar to
 *     the one following. F0EFT-7FPPR-GG7MC-3I9R3-27DOH"; "After you activate the agent, it closes port
 *     80 and the port is no longer accessible."
 * [2] AWS DataSync API reference, CreateAgent, ActivationKey: "The redirect URL returned in the
 *     response provides you the activation key for your agent in the query string parameter
 *     activationKey"; Pattern: [A-Z0-9]{5}(-[A-Z0-9]{5}){4}.
 * [3] hashicorp/terraform-provider-aws internal/service/datasync/agent.go, resourceAgentCreate (main,
 *     2026-06): `case http.StatusOK: // Advanced mode agent.` takes the body as the key;
 *     `case http.StatusFound: // Basic mode agent.` reads `errorType` from the Location's query and
 *     retries PRIVATE_LINK_ENDPOINT_UNREACHABLE, else reads `activationKey`; after `io.EOF` it adds
 *     `no_redirect` ("Likely an advanced mode agent").
 * [4] hashicorp/terraform-provider-aws issue 46957, "Failure retrieving activation key for advanced
 *     mode agents": the request without no_redirect ends in `EOF`; "New query parameter `no_redirect`
 *     required as well as handling the activation key in the HTTP response body."
 * [5] AWS Knowledge Center article on activating an agent through a VPC endpoint across Regions or
 *     accounts (Japanese): the curl command "returns
 *     errorType=PRIVATE_LINK_ENDPOINT_UNREACHABLE and no activation key", usually because TCP 443 to
 *     the VPC endpoint is not allowed; its request carries `redirect_to=<console URL>`.
 * [6] AWS DataSync API reference, DeleteAgent: the operation "doesn't remove the agent's virtual
 *     machine (VM) or Amazon EC2 instance ... you can delete the VM or instance from your storage
 *     environment or reuse it to activate a new agent."
 * [7] Field reports (the team's domain brief): "after DeleteAgent the same VM needs about 3 minutes
 *     before port 80 reopens". No AWS page found for the figure: a GUESS kept as the default of
 *     `reopenAfterMs`.
 * [8] hashicorp/terraform-provider-aws website/docs/r/datasync_agent.html.markdown: "The agent will
 *     turn off that HTTP server after activation."
 * [9] Elastic Load Balancing, "Troubleshoot your Application Load Balancers", "The load balancer
 *     generates an HTTP error": HTTP 502 Bad Gateway, 503 Service Unavailable (e.g. no registered
 *     targets), 504 Gateway Timeout.
 * [10] A review of this project against the AWS references (finding F14): how an agent asked with
 *     no_redirect reports PRIVATE_LINK_ENDPOINT_UNREACHABLE (302, 200 body, 4xx/5xx) is undocumented.
 */

/** How the emulator answers one request. */
export type Behaviour =
    /**
     * The documented agent. Each request mints a fresh key (recorded in `issuedKeys`). With
     * `no_redirect`: 200, the key alone as the body [1][3]. Without it, a Basic-mode agent answers 302
     * with `activationKey` in the Location's query [2][3]; an Enhanced-mode agent closes the
     * connection without an answer [3][4]. Default mode: basic.
     */
    | { kind: "agent"; mode?: "basic" | "enhanced" }
    /** 200 with this key as the body [1][3], then `trailer` (GUESS: a test of trimming; [3] uses the body as is). */
    | { kind: "key"; key: string; trailer?: string }
    /** 302, Location http://localhost/?activationKey=<key> [2][3]; `extraQuery` is put first. */
    | { kind: "redirectKey"; key: string; extraQuery?: string }
    /**
     * 302, Location http://localhost/?errorType=<errorType> [3][5]; `extraQuery` is put first.
     * PRIVATE_LINK_ENDPOINT_UNREACHABLE is sourced [3][5]; any other errorType value is a GUESS (no
     * list is documented).
     */
    | { kind: "redirectError"; errorType: string; extraQuery?: string }
    /** `status` (default 302) with exactly this Location, or none. GUESS: malformed redirects. */
    | { kind: "redirect"; location?: string; status?: number }
    /**
     * PRIVATE_LINK_ENDPOINT_UNREACHABLE in a form other than [3][5]'s 302: with any `status`, in the
     * body (default body `errorType=PRIVATE_LINK_ENDPOINT_UNREACHABLE`) or in a Location header.
     * GUESS [10]: the no_redirect error form is undocumented, so every form is tried.
     */
    | { kind: "unreachable"; status: number; in: "body" | "location"; body?: string }
    /**
     * Any status with a body. 502/503/504 are what a load balancer in front of the agent
     * (addressOverride) answers while its target is down [9]; other statuses are a GUESS (no agent
     * error status is documented), used to test hard errors.
     */
    | { kind: "status"; status: number; body: string }
    /** 200 with a body that is not a key. GUESS: malformed answers. */
    | { kind: "body"; body: string }
    /** Accept the connection, read the request, never answer. GUESS: a wedged agent or middlebox. */
    | { kind: "hang" }
    /** Reset the connection once the request has arrived. GUESS: a restarting agent or a middlebox. */
    | { kind: "reset" };

/** One request as the emulator saw it. */
export interface RecordedRequest {
    method: string;
    /** The path without the query string. */
    path: string;
    /** The raw query string (after "?"). */
    rawQuery: string;
    /** Query parameters in order; a bare flag such as `no_redirect` has the value null. */
    pairs: Array<[string, string | null]>;
    /** Query parameters by name (first occurrence); a bare flag maps to "". */
    query: Record<string, string>;
    /** Names of bare flags (parameters without "="). */
    flags: string[];
    headers: http.IncomingHttpHeaders;
    /** performance.now() when the request arrived. */
    at: number;
}

export interface EmulatorOptions {
    /** How long after `deleteAgent()` port 80 reopens [6][7]. Default 180000 (about 3 minutes). */
    reopenAfterMs?: number;
}

type PortState = "closed" | "resetting" | "open";

export function parseQuery(rawQuery: string): Pick<RecordedRequest, "pairs" | "query" | "flags"> {
    const pairs: Array<[string, string | null]> = [];
    const query: Record<string, string> = {};
    const flags: string[] = [];
    if (rawQuery === "") {
        return { pairs, query, flags };
    }
    for (const part of rawQuery.split("&")) {
        const eq = part.indexOf("=");
        const name = decode(eq < 0 ? part : part.slice(0, eq));
        const value = eq < 0 ? null : decode(part.slice(eq + 1));
        pairs.push([name, value]);
        if (!(name in query)) {
            query[name] = value ?? "";
        }
        if (value === null) {
            flags.push(name);
        }
    }
    return { pairs, query, flags };
}

function decode(s: string): string {
    try {
        return decodeURIComponent(s.replace(/\+/g, " "));
    } catch {
        return s;
    }
}

export class AgentEmulator {
    readonly requests: RecordedRequest[] = [];
    /** performance.now() of every TCP connection accepted (open or resetting). */
    readonly connections: number[] = [];
    /** Keys minted by `agent` behaviours, in order. */
    readonly issuedKeys: string[] = [];
    /** performance.now() when the port last started answering (undefined until then). */
    listeningAt: number | undefined;

    private readonly server: http.Server;
    private readonly sockets = new Set<net.Socket>();
    private readonly reopenAfterMs: number;
    private readonly usedKeys = new Set<string>();
    private behaviours: Behaviour[];
    private served = 0;
    private state: PortState = "closed";
    private timer: NodeJS.Timeout | undefined;
    private disposed = false;

    private constructor(
        readonly port: number,
        behaviours: Behaviour[],
        options: EmulatorOptions,
    ) {
        this.behaviours = nonEmpty(behaviours);
        this.reopenAfterMs = options.reopenAfterMs ?? 180_000;
        this.server = http.createServer((req, res) => this.handle(req, res));
        this.server.keepAliveTimeout = 1000;
        this.server.on("connection", (socket: net.Socket) => this.accept(socket));
    }

    /** An emulator answering now on an ephemeral port of 127.0.0.1. */
    static async start(behaviours: Behaviour[], options: EmulatorOptions = {}): Promise<AgentEmulator> {
        const emulator = await AgentEmulator.reserve(behaviours, options);
        await emulator.listen();
        return emulator;
    }

    /** An emulator whose port is chosen but closed (a booting VM): connections are refused. */
    static async reserve(behaviours: Behaviour[], options: EmulatorOptions = {}): Promise<AgentEmulator> {
        return new AgentEmulator(await freePort(), behaviours, options);
    }

    /** "127.0.0.1:<port>", the value for AGENT_ADDRESS. */
    get address(): string {
        return `${EMULATOR_HOST}:${this.port}`;
    }

    /** Replace the script of behaviours (the request counter restarts). */
    script(behaviours: Behaviour[]): void {
        this.behaviours = nonEmpty(behaviours);
        this.served = 0;
    }

    /** Answer requests from now on. Resolves once the port accepts connections. */
    async listen(): Promise<void> {
        await this.bind();
        this.state = "open";
        this.listeningAt = performance.now();
    }

    /** Accept and reset every connection until `listen()`: a countable closed port. */
    async resetConnections(): Promise<void> {
        await this.bind();
        this.state = "resetting";
    }

    /** Answer requests after `ms` milliseconds; resolves with performance.now() when it does. */
    openAfter(ms: number): Promise<number> {
        return this.after(ms, async () => {
            await this.listen();
            return this.listeningAt as number;
        });
    }

    /**
     * What CreateAgent does with a key this agent minted: the agent is activated and port 80 closes
     * [1][8]. A key is single-use (domain.md §4): a key not minted here or already used throws.
     */
    async activate(key: string): Promise<void> {
        if (!this.issuedKeys.includes(key) || this.usedKeys.has(key)) {
            throw new Error("activate: not a key this agent minted, or a key already used");
        }
        this.usedKeys.add(key);
        await this.unbind();
    }

    /**
     * What DeleteAgent does: the VM can be reused to activate a new agent [6]; port 80 reopens
     * `reopenAfterMs` later [7]. Resolves with performance.now() when it answers again.
     */
    deleteAgent(): Promise<number> {
        return this.openAfter(this.reopenAfterMs);
    }

    /** Stop for good: no more listening, every connection (hung ones too) destroyed. */
    async close(): Promise<void> {
        this.disposed = true;
        if (this.timer) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
        await this.unbind();
    }

    private after<T>(ms: number, action: () => Promise<T>): Promise<T> {
        return new Promise((resolve, reject) => {
            this.timer = setTimeout(() => {
                this.timer = undefined;
                action().then(resolve, reject);
            }, ms);
        });
    }

    private bind(): Promise<void> {
        if (this.disposed) {
            return Promise.reject(new Error("emulator is closed"));
        }
        if (this.server.listening) {
            return Promise.resolve();
        }
        return new Promise((resolve, reject) => {
            const onError = (err: Error) => reject(err);
            this.server.once("error", onError);
            this.server.listen({ host: EMULATOR_HOST, port: this.port, exclusive: true }, () => {
                this.server.off("error", onError);
                resolve();
            });
        });
    }

    private async unbind(): Promise<void> {
        this.state = "closed";
        for (const socket of this.sockets) {
            socket.destroy();
        }
        this.sockets.clear();
        if (this.server.listening) {
            await new Promise<void>((resolve) => this.server.close(() => resolve()));
        }
    }

    private accept(socket: net.Socket): void {
        this.connections.push(performance.now());
        if (this.state !== "open") {
            reset(socket);
            return;
        }
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
    }

    private next(): Behaviour {
        const i = Math.min(this.served, this.behaviours.length - 1);
        this.served++;
        return this.behaviours[i];
    }

    private record(req: http.IncomingMessage): RecordedRequest {
        const target = req.url ?? "";
        const q = target.indexOf("?");
        const rawQuery = q < 0 ? "" : target.slice(q + 1);
        const recorded = {
            method: req.method ?? "",
            path: q < 0 ? target : target.slice(0, q),
            rawQuery,
            ...parseQuery(rawQuery),
            headers: req.headers,
            at: performance.now(),
        };
        this.requests.push(recorded);
        return recorded;
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const request = this.record(req);
        const b = this.next();
        switch (b.kind) {
            case "agent":
                return this.answerAsAgent(request, b.mode ?? "basic", req, res);
            case "key":
                return send(res, 200, `${b.key}${b.trailer ?? ""}`);
            case "body":
                return send(res, 200, b.body);
            case "status":
                return send(res, b.status, b.body);
            case "unreachable":
                return b.in === "body"
                    ? send(res, b.status, b.body ?? `errorType=${UNREACHABLE}`)
                    : redirect(res, b.status, `http://localhost/?errorType=${UNREACHABLE}`);
            case "redirectKey":
                return redirect(res, 302, `http://localhost/?${prefix(b.extraQuery)}activationKey=${b.key}`);
            case "redirectError":
                return redirect(res, 302, `http://localhost/?${prefix(b.extraQuery)}errorType=${b.errorType}`);
            case "redirect":
                return redirect(res, b.status ?? 302, b.location);
            case "hang":
                return; // the socket is destroyed by close()
            case "reset":
                return reset(req.socket);
        }
    }

    private answerAsAgent(request: RecordedRequest, mode: "basic" | "enhanced", req: http.IncomingMessage, res: http.ServerResponse): void {
        if (request.flags.includes("no_redirect")) {
            return send(res, 200, this.mint()); // [1][3]
        }
        if (mode === "enhanced") {
            req.socket.destroy(); // EOF, no answer [3][4]
            return;
        }
        // The Location's base is a GUESS; [5]'s redirect_to= would set it.
        redirect(res, 302, `http://localhost/?activationKey=${this.mint()}`); // [2][3]
    }

    private mint(): string {
        const key = randomKey();
        this.issuedKeys.push(key);
        return key;
    }
}

const UNREACHABLE = "PRIVATE_LINK_ENDPOINT_UNREACHABLE";

function nonEmpty(behaviours: Behaviour[]): Behaviour[] {
    if (behaviours.length === 0) {
        throw new Error("AgentEmulator needs at least one behaviour");
    }
    return behaviours;
}

function reset(socket: net.Socket): void {
    const s = socket as net.Socket & { resetAndDestroy?: () => void };
    if (typeof s.resetAndDestroy === "function") {
        s.resetAndDestroy();
    } else {
        s.destroy();
    }
}

function prefix(extraQuery: string | undefined): string {
    return extraQuery ? `${extraQuery}&` : "";
}

function send(res: http.ServerResponse, status: number, body: string): void {
    res.writeHead(status, { "Content-Type": "text/plain", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
}

function redirect(res: http.ServerResponse, status: number, location: string | undefined): void {
    const body = "redirecting\n";
    const headers: http.OutgoingHttpHeaders = { "Content-Type": "text/plain", "Content-Length": Buffer.byteLength(body) };
    if (location !== undefined) {
        headers.Location = location;
    }
    res.writeHead(status, headers);
    res.end(body);
}

/** A port of 127.0.0.1 that was free a moment ago (bound, read, released). */
export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.unref();
        probe.once("error", reject);
        probe.listen({ host: EMULATOR_HOST, port: 0, exclusive: true }, () => {
            const port = (probe.address() as net.AddressInfo).port;
            probe.close(() => resolve(port));
        });
    });
}

/** A random string of the activation key's shape [2], e.g. F0EFT-7FPPR-GG7MC-3I9R3-27DOH. */
export function randomKey(): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const group = () => Array.from({ length: 5 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
    return [group(), group(), group(), group(), group()].join("-");
}
