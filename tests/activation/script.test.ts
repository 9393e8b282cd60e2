/**
 * The activation script (provider/src/activation/activate.sh) run directly against the agent emulator:
 * the protocol, the shells, the deadline, hard errors, bad arguments and process hygiene.
 *
 * Every request goes to 127.0.0.1 (the emulator, or a closed port of 127.0.0.1).
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import { EMULATOR_HOST, randomKey } from "./emulator";
import { assertAllRequests, assertClean, assertFailure, assertSuccess, baseVars, ENDPOINT_IP, scriptHarness, UNREACHABLE } from "./harness";
import { COMMAND, describeRun, FILE, Launcher, SCRIPT } from "./runner";

function available(cmd: string, args: string[]): boolean {
    const r = spawnSync(cmd, args, { stdio: "ignore" });
    return r.status === 0;
}

/**
 * Other POSIX shells the script must run under (jump hosts run busybox or bash as often as dash), and
 * the linter. `make test` installs busybox and shellcheck when missing (scripts/system-deps.sh); a
 * run without them fails.
 */
for (const [cmd, args] of [
    ["busybox", ["sh", "-c", "true"]],
    ["bash", ["-c", "true"]],
    ["shellcheck", ["--version"]],
] as const) {
    if (!available(cmd, [...args])) {
        throw new Error(`${cmd} is needed to test the activation script under it: run scripts/system-deps.sh (make test does)`);
    }
}
const EXTRA: Launcher[] = [
    { name: "busybox sh activate.sh", argv: ["busybox", "sh", SCRIPT] },
    { name: "bash --posix activate.sh", argv: ["bash", "--posix", SCRIPT] },
];

describe("activate.sh (run directly against the agent emulator)", function () {
    this.timeout(30000);
    const { emulator, closedEmulator, run: runScript } = scriptHarness();

    it("is clean under shellcheck -s sh (POSIX sh, no warnings)", () => {
        const r = spawnSync("shellcheck", ["-s", "sh", "-S", "style", SCRIPT], { encoding: "utf8" });
        assert.strictEqual(r.status, 0, r.stdout + r.stderr);
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
                const e = await emulator([{ kind: "key", key, trailer: "\r\n" }]);
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

            it("retries PRIVATE_LINK_ENDPOINT_UNREACHABLE until the deadline", async () => {
                const e = await emulator([UNREACHABLE]);
                const r = await runScript(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "2", ACTIVATION_REQUEST_TIMEOUT_SECONDS: "1" }), { launcher });
                assertFailure(r, 3, 5000);
                assertAllRequests(e, 1);
                assert.match(r.stderr, /HTTP 302 reporting PRIVATE_LINK_ENDPOINT_UNREACHABLE\), retrying \(attempt 1, /);
                assert.match(r.stderr, /last seen: the agent cannot reach the DataSync endpoint/);
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
                const latency = (r.lineAt as number) - openedAt;
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
                const r = await runScript(baseVars(e, { ENDPOINT_TYPE: value, ACTIVATION_TIMEOUT_SECONDS: value, ACTIVATION_REQUEST_TIMEOUT_SECONDS: value }));
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
            assertAllRequests(e, 1); // the 5 s pause is clamped to the 2 s deadline
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
            for (const v of [
                "AGENT_ADDRESS",
                "ACTIVATION_REGION",
                "ENDPOINT_TYPE",
                "PRIVATE_LINK_ENDPOINT",
                "ACTIVATION_TIMEOUT_SECONDS",
                "ACTIVATION_REQUEST_TIMEOUT_SECONDS",
            ]) {
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
