/**
 * An emulator of a DataSync agent's activation port (port 80), for tests of the activation script.
 *
 * It listens on 127.0.0.1 only, on an ephemeral port, and answers each request with the next scripted
 * behaviour (the last one repeats). It records every request so tests can assert the exact query.
 * It can also hold a port closed (nothing listening: connection refused) and open it later, like an
 * agent VM that is still booting.
 */
import * as http from "http";
import * as net from "net";
import { performance } from "perf_hooks";

export const EMULATOR_HOST = "127.0.0.1";

/** How the emulator answers one request. */
export type Behaviour =
    /** 200 with the key as the body, followed by a newline (the script must trim it). */
    | { kind: "key"; key: string }
    /** 302, Location http://localhost/?activationKey=<key> (with `extraQuery` prepended when set). */
    | { kind: "redirectKey"; key: string; extraQuery?: string }
    /** 302, Location http://localhost/?errorType=<errorType> (with `extraQuery` prepended when set). */
    | { kind: "redirectError"; errorType: string; extraQuery?: string }
    /** 302 with exactly this Location (or none when undefined). */
    | { kind: "redirect"; location?: string; status?: number }
    /** Any status with a body, e.g. 500. */
    | { kind: "status"; status: number; body: string }
    /** 200 with a body that is not a key. */
    | { kind: "body"; body: string }
    /** Accept the connection, read the request, never answer. */
    | { kind: "hang" }
    /** Destroy the socket (TCP reset) once the request has arrived. */
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
    /** performance.now() when the port started listening (undefined while closed). */
    listeningAt: number | undefined;

    private readonly server: http.Server;
    private readonly sockets = new Set<net.Socket>();
    private behaviours: Behaviour[];
    private served = 0;
    private openTimer: NodeJS.Timeout | undefined;
    private closed = false;

    private constructor(readonly port: number, behaviours: Behaviour[]) {
        if (behaviours.length === 0) {
            throw new Error("AgentEmulator needs at least one behaviour");
        }
        this.behaviours = behaviours;
        this.server = http.createServer((req, res) => this.handle(req, res));
        this.server.keepAliveTimeout = 1000;
        this.server.on("connection", (socket) => {
            this.sockets.add(socket);
            socket.on("close", () => this.sockets.delete(socket));
        });
    }

    /** An emulator listening now on an ephemeral port of 127.0.0.1. */
    static async start(behaviours: Behaviour[]): Promise<AgentEmulator> {
        const emulator = await AgentEmulator.reserve(behaviours);
        await emulator.listen();
        return emulator;
    }

    /**
     * An emulator whose port is chosen but closed: nothing listens, so connections are refused until
     * `listen()` or `openAfter()`.
     */
    static async reserve(behaviours: Behaviour[]): Promise<AgentEmulator> {
        return new AgentEmulator(await freePort(), behaviours);
    }

    /** "127.0.0.1:<port>", the value for AGENT_ADDRESS. */
    get address(): string {
        return `${EMULATOR_HOST}:${this.port}`;
    }

    /** Replace the script of behaviours (the request counter restarts). */
    script(behaviours: Behaviour[]): void {
        if (behaviours.length === 0) {
            throw new Error("AgentEmulator needs at least one behaviour");
        }
        this.behaviours = behaviours;
        this.served = 0;
    }

    /** Start listening on the reserved port. Resolves once the port accepts connections. */
    listen(): Promise<void> {
        if (this.closed) {
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
                this.listeningAt = performance.now();
                resolve();
            });
        });
    }

    /** Open the port after `ms` milliseconds; resolves with performance.now() when it is listening. */
    openAfter(ms: number): Promise<number> {
        return new Promise((resolve, reject) => {
            this.openTimer = setTimeout(() => {
                this.openTimer = undefined;
                this.listen().then(() => resolve(this.listeningAt as number), reject);
            }, ms);
        });
    }

    /** Stop listening and destroy every connection, including hung ones. */
    async close(): Promise<void> {
        this.closed = true;
        if (this.openTimer) {
            clearTimeout(this.openTimer);
            this.openTimer = undefined;
        }
        for (const socket of this.sockets) {
            socket.destroy();
        }
        this.sockets.clear();
        if (this.server.listening) {
            await new Promise<void>((resolve) => this.server.close(() => resolve()));
        }
    }

    private next(): Behaviour {
        const i = Math.min(this.served, this.behaviours.length - 1);
        this.served++;
        return this.behaviours[i];
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const target = req.url ?? "";
        const q = target.indexOf("?");
        const rawQuery = q < 0 ? "" : target.slice(q + 1);
        this.requests.push({
            method: req.method ?? "",
            path: q < 0 ? target : target.slice(0, q),
            rawQuery,
            ...parseQuery(rawQuery),
            headers: req.headers,
            at: performance.now(),
        });
        const b = this.next();
        switch (b.kind) {
            case "key":
                return send(res, 200, `${b.key}\n`);
            case "body":
                return send(res, 200, b.body);
            case "status":
                return send(res, b.status, b.body);
            case "redirectKey":
                return redirect(res, 302, `http://localhost/?${prefix(b.extraQuery)}activationKey=${b.key}`);
            case "redirectError":
                return redirect(res, 302, `http://localhost/?${prefix(b.extraQuery)}errorType=${b.errorType}`);
            case "redirect":
                return redirect(res, b.status ?? 302, b.location);
            case "hang":
                return; // the socket is destroyed by close()
            case "reset": {
                const socket = req.socket as net.Socket & { resetAndDestroy?: () => void };
                if (typeof socket.resetAndDestroy === "function") {
                    socket.resetAndDestroy();
                } else {
                    socket.destroy();
                }
                return;
            }
        }
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

/** A random string of the activation key's shape, e.g. F0EFT-7FPPR-GG7MC-3I9R3-27DOH. */
export function randomKey(): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const group = () => Array.from({ length: 5 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
    return [group(), group(), group(), group(), group()].join("-");
}
