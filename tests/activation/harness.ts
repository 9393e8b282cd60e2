/**
 * What the activation-script tests share: the inputs, the assertions, and a mocha harness that runs
 * the script in a hostile environment (proxies and ~/.curlrc pointing at a closed port of 127.0.0.1,
 * which the script must ignore) against emulators it closes after each test.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AgentEmulator, Behaviour, EmulatorOptions, EMULATOR_HOST, freePort, RecordedRequest } from "./emulator";
import { describeRun, RunOptions, RunResult, runScript } from "./runner";

export const KEY_SHAPE = /[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){4}/;
export const REGION = "us-east-1";
// Only ever a query parameter (the script sends nothing to it); loopback to keep to the network rule.
export const ENDPOINT_IP = "127.0.0.2";
export const UNREACHABLE: Behaviour = { kind: "redirectError", errorType: "PRIVATE_LINK_ENDPOINT_UNREACHABLE" };

export function baseVars(emulator: { address: string }, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return {
        AGENT_ADDRESS: emulator.address,
        ACTIVATION_REGION: REGION,
        PRIVATE_LINK_ENDPOINT: ENDPOINT_IP,
        ACTIVATION_TIMEOUT_SECONDS: "20",
        ACTIVATION_REQUEST_TIMEOUT_SECONDS: "2",
        ...extra,
    };
}

/** stderr never carries the key, nor anything shaped like one. */
export function assertNoKeyLeak(r: RunResult, ...keys: string[]): void {
    for (const key of keys) {
        assert.ok(!r.stderr.includes(key), `stderr leaks the key:\n${describeRun(r)}`);
    }
    assert.ok(!KEY_SHAPE.test(r.stderr), `stderr holds a key-shaped string:\n${describeRun(r)}`);
}

export function assertClean(r: RunResult): void {
    assert.deepStrictEqual(r.leftovers, [], `temporary files left behind:\n${describeRun(r)}`);
}

export function assertSuccess(r: RunResult, key: string, maxMs = 8000): void {
    assert.strictEqual(r.code, 0, describeRun(r));
    assert.strictEqual(r.stdout, `${key}\n`, describeRun(r));
    assertNoKeyLeak(r, key);
    assertClean(r);
    assert.ok(r.elapsedMs < maxMs, `took ${Math.round(r.elapsedMs)} ms (bound ${maxMs} ms)`);
}

export function assertFailure(r: RunResult, code: number, maxMs: number, ...keys: string[]): void {
    assert.strictEqual(r.code, code, describeRun(r));
    assert.strictEqual(r.stdout, "", describeRun(r));
    assertNoKeyLeak(r, ...keys);
    assertClean(r);
    assert.ok(r.elapsedMs < maxMs, `took ${Math.round(r.elapsedMs)} ms (bound ${maxMs} ms)`);
}

/** The exact request the script must send. */
export function assertActivationRequest(req: RecordedRequest, endpointType = "PRIVATE_LINK"): void {
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

export function assertAllRequests(emulator: AgentEmulator, count: number | [number, number], endpointType?: string): void {
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

export interface ScriptHarness {
    /** An emulator answering now; closed after the test. */
    emulator(behaviours: Behaviour[], options?: EmulatorOptions): Promise<AgentEmulator>;
    /** An emulator whose port is still closed; closed after the test. */
    closedEmulator(behaviours: Behaviour[], options?: EmulatorOptions): Promise<AgentEmulator>;
    /** The script in the hostile environment. */
    run(vars: Record<string, string | undefined>, options?: RunOptions): Promise<RunResult>;
}

/** Registers the mocha hooks; call inside a describe(). */
export function scriptHarness(): ScriptHarness {
    const emulators: AgentEmulator[] = [];
    let hostile: NodeJS.ProcessEnv = {};
    let home = "";

    before(async () => {
        const proxy = `http://${EMULATOR_HOST}:${await freePort()}`;
        home = fs.mkdtempSync(path.join(os.tmpdir(), "activate-home-"));
        // If the script read ~/.curlrc it would go through this (closed) proxy and fail.
        fs.writeFileSync(path.join(home, ".curlrc"), `proxy = "${proxy}"\n`);
        hostile = { HOME: home, http_proxy: proxy, HTTP_PROXY: proxy, all_proxy: proxy, ALL_PROXY: proxy };
    });
    after(() => fs.rmSync(home, { recursive: true, force: true }));
    afterEach(async () => {
        await Promise.all(emulators.splice(0).map((e) => e.close()));
    });

    const track = (e: AgentEmulator) => {
        emulators.push(e);
        return e;
    };
    return {
        emulator: async (behaviours, options) => track(await AgentEmulator.start(behaviours, options)),
        closedEmulator: async (behaviours, options) => track(await AgentEmulator.reserve(behaviours, options)),
        run: (vars, options = {}) => runScript(vars, { ...options, baseEnv: { ...hostile, ...options.baseEnv } }),
    };
}
