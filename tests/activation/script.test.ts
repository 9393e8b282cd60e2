/**
 * The activation script (provider/src/activation/activate.sh) run directly against the agent emulator.
 *
 * Every request goes to 127.0.0.1 (the emulator, or a closed port of 127.0.0.1).
 */
import * as assert from "assert";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { AgentEmulator, Behaviour, EMULATOR_HOST, freePort, randomKey, RecordedRequest } from "./emulator";

// Compiled to build/tests/activation/: the repository root is three levels up.
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
const SCRIPT = path.join(REPO_ROOT, "provider", "src", "activation", "activate.sh");
const SCRIPT_TEXT = fs.readFileSync(SCRIPT, "utf8");

const KEY_SHAPE = /[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){4}/;
const REGION = "us-east-1";
// Only ever a query parameter (the script sends nothing to it); loopback to keep to the network rule.
const ENDPOINT_IP = "127.0.0.2";

/** How the script is started. */
interface Launcher {
    name: string;
    argv: string[];
}

const FILE: Launcher = { name: "sh activate.sh", argv: ["sh", SCRIPT] };
const COMMAND: Launcher = { name: "/bin/sh -c <text>", argv: ["/bin/sh", "-c", SCRIPT_TEXT] };

function available(cmd: string, args: string[]): boolean {
    const r = spawnSync(cmd, args, { stdio: "ignore" });
    return r.status === 0;
}

/**
 * Other POSIX shells the script must run under (jump hosts run busybox or bash as often as dash).
 * `make test` installs busybox when it is missing (scripts/system-deps.sh); a run without it fails.
 */
for (const [cmd, args] of [["busybox", ["sh", "-c", "true"]], ["bash", ["-c", "true"]]] as const) {
    if (!available(cmd, [...args])) {
        throw new Error(`${cmd} is needed to test the activation script under it: run scripts/system-deps.sh (make test does)`);
    }
}
const EXTRA: Launcher[] = [
    { name: "busybox sh activate.sh", argv: ["busybox", "sh", SCRIPT] },
    { name: "bash --posix activate.sh", argv: ["bash", "--posix", SCRIPT] },
];

interface RunResult {
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
    elapsedMs: number;
    /** performance.now() when stdout first received data. */
    stdoutAt: number | undefined;
    /** Whatever the script left in its TMPDIR (should be nothing). */
    leftovers: string[];
}

interface RunOptions {
    launcher?: Launcher;
    /** Called once the process is spawned (e.g. to kill it). */
    onSpawn?: (pid: number) => void;
}

let closedProxyPort = 0;
let hostileHome = "";

/**
 * Environment for a run: only PATH from this process, a fresh TMPDIR, a HOME whose .curlrc and
 * proxy variables point at a closed port of 127.0.0.1 (the script must ignore both), and `vars`
 * (undefined removes a variable).
 */
function environment(tmpdir: string, vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
    const proxy = `http://${EMULATOR_HOST}:${closedProxyPort}`;
    const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: hostileHome,
        TMPDIR: tmpdir,
        http_proxy: proxy,
        HTTP_PROXY: proxy,
        all_proxy: proxy,
        ALL_PROXY: proxy,
    };
    for (const [name, value] of Object.entries(vars)) {
        if (value === undefined) {
            delete env[name];
        } else {
            env[name] = value;
        }
    }
    return env;
}

function runScript(vars: Record<string, string | undefined>, options: RunOptions = {}): Promise<RunResult> {
    const launcher = options.launcher ?? FILE;
    const tmpdir = fs.mkdtempSync(path.join(os.tmpdir(), "activate-test-"));
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const child = spawn(launcher.argv[0], launcher.argv.slice(1), {
            env: environment(tmpdir, vars),
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        let stdoutAt: number | undefined;
        child.stdout.setEncoding("utf8");
        child.stderr.setEncoding("utf8");
        child.stdout.on("data", (chunk: string) => {
            stdoutAt ??= performance.now();
            stdout += chunk;
        });
        child.stderr.on("data", (chunk: string) => (stderr += chunk));
        child.on("error", reject);
        child.on("spawn", () => options.onSpawn?.(child.pid as number));
        child.on("close", (code, signal) => {
            const leftovers = fs.readdirSync(tmpdir);
            fs.rmSync(tmpdir, { recursive: true, force: true });
            resolve({ code, signal, stdout, stderr, elapsedMs: performance.now() - started, stdoutAt, leftovers });
        });
    });
}

function baseVars(emulator: { address: string }, extra: Record<string, string | undefined> = {}) {
    return {
        AGENT_ADDRESS: emulator.address,
        ACTIVATION_REGION: REGION,
        PRIVATE_LINK_ENDPOINT: ENDPOINT_IP,
        ACTIVATION_TIMEOUT_SECONDS: "20",
        ACTIVATION_REQUEST_TIMEOUT_SECONDS: "2",
        ...extra,
    };
}

function describeRun(r: RunResult): string {
    return `exit ${r.code} signal ${r.signal} after ${Math.round(r.elapsedMs)} ms\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

/** stderr never carries the key, nor anything shaped like one. */
function assertNoKeyLeak(r: RunResult, ...keys: string[]): void {
    for (const key of keys) {
        assert.ok(!r.stderr.includes(key), `stderr leaks the key:\n${describeRun(r)}`);
    }
    assert.ok(!KEY_SHAPE.test(r.stderr), `stderr holds a key-shaped string:\n${describeRun(r)}`);
}

function assertClean(r: RunResult): void {
    assert.deepStrictEqual(r.leftovers, [], `temporary files left behind:\n${describeRun(r)}`);
}

function assertSuccess(r: RunResult, key: string, maxMs = 8000): void {
    assert.strictEqual(r.code, 0, describeRun(r));
    assert.strictEqual(r.stdout, `${key}\n`, describeRun(r));
    assertNoKeyLeak(r, key);
    assertClean(r);
    assert.ok(r.elapsedMs < maxMs, `took ${Math.round(r.elapsedMs)} ms (bound ${maxMs} ms)`);
}

function assertFailure(r: RunResult, code: number, maxMs: number, ...keys: string[]): void {
    assert.strictEqual(r.code, code, describeRun(r));
    assert.strictEqual(r.stdout, "", describeRun(r));
    assertNoKeyLeak(r, ...keys);
    assertClean(r);
    assert.ok(r.elapsedMs < maxMs, `took ${Math.round(r.elapsedMs)} ms (bound ${maxMs} ms)`);
}

/** The exact request the script must send. */
function assertActivationRequest(req: RecordedRequest, endpointType = "PRIVATE_LINK"): void {
    assert.strictEqual(req.method, "GET");
    assert.strictEqual(req.path, "/");
    assert.deepStrictEqual(req.pairs, [
        ["gatewayType", "SYNC"],
        ["activationRegion", REGION],
        ["endpointType", endpointType],
        ["privateLinkEndpoint", ENDPOINT_IP],
        ["no_redirect", null],
    ]);
    assert.deepStrictEqual(req.flags, ["no_redirect"]);
    assert.strictEqual(req.headers["proxy-authorization"], undefined);
}

function assertAllRequests(emulator: AgentEmulator, count: number | [number, number], endpointType?: string): void {
    const n = emulator.requests.length;
    if (typeof count === "number") {
        assert.strictEqual(n, count, `expected ${count} request(s), saw ${n}`);
    } else {
        assert.ok(n >= count[0] && n <= count[1], `expected ${count[0]}-${count[1]} requests, saw ${n}`);
    }
    for (const req of emulator.requests) {
        assertActivationRequest(req, endpointType);
    }
}

const UNREACHABLE: Behaviour = { kind: "redirectError", errorType: "PRIVATE_LINK_ENDPOINT_UNREACHABLE" };

describe("activate.sh (run directly against the agent emulator)", function () {
    this.timeout(30000);

    const emulators: AgentEmulator[] = [];
    async function emulator(behaviours: Behaviour[]): Promise<AgentEmulator> {
        const e = await AgentEmulator.start(behaviours);
        emulators.push(e);
        return e;
    }
    async function closedEmulator(behaviours: Behaviour[]): Promise<AgentEmulator> {
        const e = await AgentEmulator.reserve(behaviours);
        emulators.push(e);
        return e;
    }

    before(async () => {
        closedProxyPort = await freePort();
        hostileHome = fs.mkdtempSync(path.join(os.tmpdir(), "activate-home-"));
        // If the script read ~/.curlrc it would go through this (closed) proxy and fail.
        fs.writeFileSync(path.join(hostileHome, ".curlrc"), `proxy = "http://${EMULATOR_HOST}:${closedProxyPort}"\n`);
    });

    after(() => {
        fs.rmSync(hostileHome, { recursive: true, force: true });
    });

    afterEach(async () => {
        await Promise.all(emulators.splice(0).map((e) => e.close()));
    });

    it("parses with sh -n and busybox sh -n", () => {
        const checks = [
            ["sh", "-n", SCRIPT],
            ["busybox", "sh", "-n", SCRIPT],
        ];
        for (const [cmd, ...args] of checks) {
            const r = spawnSync(cmd, args, { encoding: "utf8" });
            assert.strictEqual(r.status, 0, `${cmd} ${args.join(" ")}: ${r.stderr}`);
        }
    });

    for (const launcher of [FILE, COMMAND, ...EXTRA]) {
        describe(`launched as ${launcher.name}`, () => {
            it("prints the key from a 200 no_redirect answer, trimmed", async () => {
                const key = randomKey();
                const e = await emulator([{ kind: "key", key }]);
                const r = await runScript(baseVars(e), { launcher });
                assertSuccess(r, key);
                assertAllRequests(e, 1);
            });

            it("reads the key from a 302 Location without following it", async () => {
                const key = randomKey();
                const e = await emulator([{ kind: "redirectKey", key, extraQuery: "redirect_to=%2Fdone" }]);
                const r = await runScript(baseVars(e), { launcher });
                assertSuccess(r, key);
                assertAllRequests(e, 1);
            });

            it("retries PRIVATE_LINK_ENDPOINT_UNREACHABLE 3 times, then prints the key", async () => {
                const key = randomKey();
                const e = await emulator([UNREACHABLE, UNREACHABLE, UNREACHABLE, { kind: "key", key }]);
                const r = await runScript(baseVars(e), { launcher });
                assertSuccess(r, key);
                assertAllRequests(e, 4);
                assert.match(r.stderr, /PRIVATE_LINK_ENDPOINT_UNREACHABLE\), retrying \(attempt 3, /);
            });

            it("waits for a closed port that opens after ~1.5 s", async () => {
                const key = randomKey();
                const e = await closedEmulator([{ kind: "key", key }]);
                const opened = e.openAfter(1500);
                const r = await runScript(baseVars(e), { launcher });
                const openedAt = await opened;
                assertSuccess(r, key);
                assertAllRequests(e, 1);
                assert.match(r.stderr, /connection refused, retrying \(attempt 1, \d+ s of 20 s\)/);
                const latency = (r.stdoutAt as number) - openedAt;
                assert.ok(latency >= 0 && latency < 3000, `key came ${Math.round(latency)} ms after the port opened`);
            });

            it("exits 2 on a bad argument, before any request", async () => {
                const e = await emulator([{ kind: "key", key: randomKey() }]);
                const r = await runScript(baseVars(e, { ACTIVATION_REGION: "us-east-1a" }), { launcher });
                assertFailure(r, 2, 5000);
                assert.match(r.stderr, /ACTIVATION_REGION='us-east-1a'/);
                assertAllRequests(e, 0);
            });
        });
    }

    describe("success paths", () => {
        it("uses endpointType=FIPS_PRIVATE_LINK when asked", async () => {
            const key = randomKey();
            const e = await emulator([{ kind: "key", key }]);
            const r = await runScript(baseVars(e, { ENDPOINT_TYPE: "FIPS_PRIVATE_LINK" }));
            assertSuccess(r, key);
            assertAllRequests(e, 1, "FIPS_PRIVATE_LINK");
        });

        it("defaults ENDPOINT_TYPE to PRIVATE_LINK and the timeouts to 600/10 s (unset or empty)", async () => {
            for (const value of [undefined, ""]) {
                const key = randomKey();
                const e = await emulator([{ kind: "key", key }]);
                const r = await runScript(
                    baseVars(e, { ENDPOINT_TYPE: value, ACTIVATION_TIMEOUT_SECONDS: value, ACTIVATION_REQUEST_TIMEOUT_SECONDS: value }),
                );
                assertSuccess(r, key);
                assertAllRequests(e, 1, "PRIVATE_LINK");
            }
        });

        it("retries reset connections and empty replies, then prints the key", async () => {
            const key = randomKey();
            const e = await emulator([{ kind: "reset" }, { kind: "reset" }, { kind: "key", key }]);
            const r = await runScript(baseVars(e));
            assertSuccess(r, key);
            assertAllRequests(e, 3);
            assert.match(r.stderr, /(connection reset|empty reply).*retrying \(attempt 1,/);
        });

        it("retries 502/503/504 from a load balancer in front of a booting agent, then prints the key", async () => {
            const key = randomKey();
            const e = await emulator([
                { kind: "status", status: 502, body: "Bad Gateway" },
                { kind: "status", status: 503, body: "Service Unavailable" },
                { kind: "status", status: 504, body: "Gateway Timeout" },
                { kind: "key", key },
            ]);
            const r = await runScript(baseVars(e));
            assertSuccess(r, key);
            assertAllRequests(e, 4);
            assert.match(r.stderr, /HTTP 502 from a proxy or load balancer in front of the agent, retrying \(attempt 1,/);
        });

        it("retries a request that times out, then prints the key", async () => {
            const key = randomKey();
            const e = await emulator([{ kind: "hang" }, { kind: "key", key }]);
            const r = await runScript(baseVars(e, { ACTIVATION_REQUEST_TIMEOUT_SECONDS: "1" }));
            assertSuccess(r, key);
            assertAllRequests(e, 2);
            assert.match(r.stderr, /timed out after 1 s, retrying \(attempt 1,/);
        });
    });

    describe("deadline (exit 3)", () => {
        it("gives up on PRIVATE_LINK_ENDPOINT_UNREACHABLE at the deadline and says what to check", async () => {
            const e = await emulator([UNREACHABLE]);
            const r = await runScript(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "2", ACTIVATION_REQUEST_TIMEOUT_SECONDS: "1" }));
            assertFailure(r, 3, 6000);
            assert.ok(r.elapsedMs >= 900, `gave up too early (${Math.round(r.elapsedMs)} ms)`);
            assertAllRequests(e, [2, 12]);
            for (const needle of ["443", "1024-1064", ENDPOINT_IP, "routes", "available", "pending", "PRIVATE_LINK_ENDPOINT_UNREACHABLE"]) {
                assert.ok(r.stderr.includes(needle), `final message lacks "${needle}":\n${r.stderr}`);
            }
        });

        it("gives up on a port that stays closed and says the agent may be booting", async () => {
            const e = await closedEmulator([{ kind: "key", key: randomKey() }]);
            const r = await runScript(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "2", ACTIVATION_REQUEST_TIMEOUT_SECONDS: "1" }));
            assertFailure(r, 3, 6000);
            assert.ok(r.elapsedMs >= 900, `gave up too early (${Math.round(r.elapsedMs)} ms)`);
            for (const needle of ["last seen: connection refused", "booting", "port 80", "reachable from this host", "DeleteAgent", "3 minutes"]) {
                assert.ok(r.stderr.includes(needle), `final message lacks "${needle}":\n${r.stderr}`);
            }
        });

        it("gives up on a connection that is accepted and never answered, within bounds", async () => {
            const e = await emulator([{ kind: "hang" }]);
            const r = await runScript(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "3", ACTIVATION_REQUEST_TIMEOUT_SECONDS: "1" }));
            assertFailure(r, 3, 7000);
            assert.ok(r.elapsedMs >= 1900, `gave up too early (${Math.round(r.elapsedMs)} ms)`);
            assertAllRequests(e, [2, 6]);
            assert.match(r.stderr, /last seen: timed out after 1 s/);
        });

        it("clamps the default request timeout to a shorter overall deadline instead of rejecting it", async () => {
            const e = await emulator([{ kind: "hang" }]);
            const r = await runScript(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "2", ACTIVATION_REQUEST_TIMEOUT_SECONDS: undefined }));
            assertFailure(r, 3, 4500);
            assert.match(r.stderr, /timed out after [12] s/);
        });

        it("never sleeps or waits past the deadline (request timeout clamped to the time left)", async () => {
            const e = await emulator([{ kind: "hang" }]);
            const r = await runScript(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "2", ACTIVATION_REQUEST_TIMEOUT_SECONDS: "2" }));
            assertFailure(r, 3, 4500);
        });
    });

    describe("hard errors (exit 4)", () => {
        it("quotes the body of a 500 and does not retry", async () => {
            const e = await emulator([{ kind: "status", status: 500, body: "internal error: gateway not ready" }]);
            const r = await runScript(baseVars(e));
            assertFailure(r, 4, 5000);
            assertAllRequests(e, 1);
            assert.match(r.stderr, /HTTP 500/);
            assert.ok(r.stderr.includes(`"internal error: gateway not ready"`), r.stderr);
        });

        it("truncates a long error body to about 300 characters", async () => {
            const e = await emulator([{ kind: "status", status: 500, body: "x".repeat(5000) }]);
            const r = await runScript(baseVars(e));
            assertFailure(r, 4, 5000);
            const longest = Math.max(...r.stderr.split("\n").map((l) => l.length));
            assert.ok(longest < 600, `a stderr line is ${longest} characters long`);
            assert.ok(r.stderr.includes(`${"x".repeat(300)}..."`), r.stderr);
        });

        it("redacts a key-shaped string in an error body", async () => {
            const key = randomKey();
            const e = await emulator([{ kind: "status", status: 409, body: `agent already activated with key ${key}; delete it first` }]);
            const r = await runScript(baseVars(e));
            assertFailure(r, 4, 5000, key);
            assertAllRequests(e, 1);
            assert.ok(r.stderr.includes("already activated with key <redacted>; delete it first"), r.stderr);
        });

        const malformed: Array<[string, (key: string) => string]> = [
            ["not a key at all", () => "<html>DataSync agent</html>"],
            ["an empty body", () => ""],
            ["a lower-case key", (key) => key.toLowerCase()],
            ["four groups", (key) => key.slice(0, 23)],
            ["a key with trailing text", (key) => `${key} please`],
            ["two keys", (key) => `${key}\n${key}\n`],
            ["a key inside JSON", (key) => JSON.stringify({ activationKey: key })],
        ];
        for (const [name, body] of malformed) {
            it(`rejects a 200 body that is ${name}`, async () => {
                const key = randomKey();
                const e = await emulator([{ kind: "body", body: body(key) }]);
                const r = await runScript(baseVars(e));
                assertFailure(r, 4, 5000, key);
                assertAllRequests(e, 1);
                assert.match(r.stderr, /HTTP 200 but the body is not an activation key/);
            });
        }

        it("fails on another errorType, naming it, without retrying", async () => {
            const e = await emulator([{ kind: "redirectError", errorType: "INVALID_ACTIVATION_REGION" }]);
            const r = await runScript(baseVars(e));
            assertFailure(r, 4, 5000);
            assertAllRequests(e, 1);
            assert.match(r.stderr, /errorType=INVALID_ACTIVATION_REGION/);
        });

        it("fails on a redirect with a malformed activationKey, redacting it", async () => {
            const key = randomKey();
            const e = await emulator([{ kind: "redirect", location: `http://localhost/?activationKey=${key}-AB` }]);
            const r = await runScript(baseVars(e));
            assertFailure(r, 4, 5000, key);
            assertAllRequests(e, 1);
            assert.match(r.stderr, /malformed activationKey/);
        });

        it("fails on a redirect without activationKey or errorType", async () => {
            for (const location of ["http://localhost/done", undefined]) {
                const e = await emulator([{ kind: "redirect", location }]);
                const r = await runScript(baseVars(e));
                assertFailure(r, 4, 5000);
                assertAllRequests(e, 1);
                assert.match(r.stderr, /without activationKey or errorType/);
            }
        });
    });

    describe("bad arguments (exit 2, no request)", () => {
        // Each case: the variable, its bad value (undefined: unset), and the value to find in the message.
        const cases: Array<{ variable: string; value: (port: number) => string | undefined }> = [
            { variable: "AGENT_ADDRESS", value: () => undefined },
            { variable: "AGENT_ADDRESS", value: () => "" },
            { variable: "AGENT_ADDRESS", value: (p) => `http://${EMULATOR_HOST}:${p}` },
            { variable: "AGENT_ADDRESS", value: (p) => `${EMULATOR_HOST}:${p}/activate` },
            { variable: "AGENT_ADDRESS", value: (p) => `${EMULATOR_HOST} :${p}` },
            { variable: "AGENT_ADDRESS", value: (p) => `user@${EMULATOR_HOST}:${p}` },
            { variable: "AGENT_ADDRESS", value: () => `${EMULATOR_HOST}:0` },
            { variable: "AGENT_ADDRESS", value: () => `${EMULATOR_HOST}:65536` },
            { variable: "AGENT_ADDRESS", value: (p) => `${EMULATOR_HOST}:0${p}` },
            { variable: "AGENT_ADDRESS", value: () => `${EMULATOR_HOST}:` },
            { variable: "AGENT_ADDRESS", value: (p) => `${EMULATOR_HOST}:${p}:1` },
            { variable: "AGENT_ADDRESS", value: (p) => `-${EMULATOR_HOST}:${p}` },
            { variable: "AGENT_ADDRESS", value: (p) => `${EMULATOR_HOST}:${p}?x=1` },
            { variable: "ACTIVATION_REGION", value: () => undefined },
            { variable: "ACTIVATION_REGION", value: () => "US-EAST-1" },
            { variable: "ACTIVATION_REGION", value: () => "us-east-1a" },
            { variable: "ACTIVATION_REGION", value: () => "useast1" },
            { variable: "ACTIVATION_REGION", value: () => "us-east-1 " },
            { variable: "ACTIVATION_REGION", value: () => "us-east-1\nus-west-2" },
            { variable: "ACTIVATION_REGION", value: () => "us-east-1&x=y" },
            { variable: "ENDPOINT_TYPE", value: () => "PUBLIC" },
            { variable: "ENDPOINT_TYPE", value: () => "private_link" },
            { variable: "ENDPOINT_TYPE", value: () => "FIPS" },
            { variable: "PRIVATE_LINK_ENDPOINT", value: () => undefined },
            { variable: "PRIVATE_LINK_ENDPOINT", value: () => "256.0.0.1" },
            { variable: "PRIVATE_LINK_ENDPOINT", value: () => "127.0.0" },
            { variable: "PRIVATE_LINK_ENDPOINT", value: () => "127.0.0.01" },
            { variable: "PRIVATE_LINK_ENDPOINT", value: () => "127.0.0.2/32" },
            { variable: "PRIVATE_LINK_ENDPOINT", value: () => "vpce-0123456789abcdef0" },
            { variable: "ACTIVATION_TIMEOUT_SECONDS", value: () => "0" },
            { variable: "ACTIVATION_TIMEOUT_SECONDS", value: () => "-5" },
            { variable: "ACTIVATION_TIMEOUT_SECONDS", value: () => "1.5" },
            { variable: "ACTIVATION_TIMEOUT_SECONDS", value: () => "ten" },
            { variable: "ACTIVATION_REQUEST_TIMEOUT_SECONDS", value: () => "0" },
            { variable: "ACTIVATION_REQUEST_TIMEOUT_SECONDS", value: () => "2s" },
            { variable: "ACTIVATION_REQUEST_TIMEOUT_SECONDS", value: () => "21" }, // > the overall 20 s
        ];

        it("rejects each bad variable, naming it and the value", async () => {
            const e = await emulator([{ kind: "key", key: randomKey() }]);
            const failures: string[] = [];
            for (const c of cases) {
                const value = c.value(e.port);
                const r = await runScript(baseVars(e, { [c.variable]: value }));
                const label = `${c.variable}=${JSON.stringify(value)}`;
                if (r.code !== 2) failures.push(`${label}: exit ${r.code}\n${r.stderr}`);
                if (r.stdout !== "") failures.push(`${label}: stdout ${JSON.stringify(r.stdout)}`);
                if (!r.stderr.includes(c.variable)) failures.push(`${label}: message does not name the variable:\n${r.stderr}`);
                const shown = value?.split("\n")[0].trim();
                if (shown && !r.stderr.includes(shown)) failures.push(`${label}: message does not show the value:\n${r.stderr}`);
                if (r.elapsedMs > 3000) failures.push(`${label}: took ${Math.round(r.elapsedMs)} ms`);
                if (r.leftovers.length) failures.push(`${label}: left ${r.leftovers.join(", ")}`);
            }
            assert.deepStrictEqual(failures, []);
            assertAllRequests(e, 0);
        });

        it("reports every bad variable at once", async () => {
            const e = await emulator([{ kind: "key", key: randomKey() }]);
            const r = await runScript({
                AGENT_ADDRESS: `http://${e.address}`,
                ACTIVATION_REGION: "mars-1",
                ENDPOINT_TYPE: "PUBLIC",
                PRIVATE_LINK_ENDPOINT: "300.1.1.1",
                ACTIVATION_TIMEOUT_SECONDS: "x",
                ACTIVATION_REQUEST_TIMEOUT_SECONDS: "y",
            });
            assertFailure(r, 2, 3000);
            for (const v of ["AGENT_ADDRESS", "ACTIVATION_REGION", "ENDPOINT_TYPE", "PRIVATE_LINK_ENDPOINT", "ACTIVATION_TIMEOUT_SECONDS", "ACTIVATION_REQUEST_TIMEOUT_SECONDS"]) {
                assert.ok(r.stderr.includes(v), `missing ${v}:\n${r.stderr}`);
            }
            assertAllRequests(e, 0);
        });

        it("accepts the Region shapes of GovCloud and ISO partitions", async () => {
            for (const region of ["us-gov-west-1", "us-isob-east-1", "us-iso-east-1", "ap-southeast-5"]) {
                const key = randomKey();
                const e = await emulator([{ kind: "key", key }]);
                const r = await runScript(baseVars(e, { ACTIVATION_REGION: region }));
                assertSuccess(r, key);
                assert.strictEqual(e.requests[0].query.activationRegion, region);
            }
        });
    });

    describe("process hygiene", () => {
        it("removes its temporary directory when terminated (SIGTERM) while retrying", async () => {
            const e = await closedEmulator([{ kind: "key", key: randomKey() }]);
            const r = await runScript(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "30" }), {
                onSpawn: (pid) => setTimeout(() => process.kill(pid, "SIGTERM"), 1200),
            });
            assert.ok(r.code === 143 || r.signal === "SIGTERM", describeRun(r));
            assert.strictEqual(r.stdout, "");
            assertClean(r);
            assert.ok(r.elapsedMs < 4000, `took ${Math.round(r.elapsedMs)} ms to stop`);
        });
    });
});
