/**
 * How often the activation script asks: at most 2 requests per second while nothing answers on port
 * 80, at most 1 per 5 s while the agent reports PRIVATE_LINK_ENDPOINT_UNREACHABLE. The emulator
 * counts the connections; the bounds would fail with a shorter pause (e.g. 10 ms or 0.25 s).
 * How fast the key arrives is measured by `make bench`, not here.
 */
import * as assert from "assert";
import { assertAllRequests, assertFailure, baseVars, scriptHarness, UNREACHABLE } from "./harness";
import { gaps } from "./runner";

/** Pause between connection attempts while nothing answers, less 50 ms of timer jitter. */
const MIN_DOWN_GAP_MS = 450;
const MIN_UNREACHABLE_GAP_MS = 4900;

describe("activate.sh polling rate (against the agent emulator)", function () {
    this.timeout(30000);
    const { emulator, closedEmulator, run } = scriptHarness();

    it("asks a port that resets every connection at most twice a second", async () => {
        const e = await closedEmulator([{ kind: "agent" }]);
        await e.resetConnections();
        const r = await run(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "3", ACTIVATION_REQUEST_TIMEOUT_SECONDS: "1" }));
        assertFailure(r, 3, 6000);
        const seconds = r.elapsedMs / 1000;
        const n = e.connections.length;
        assert.ok(n <= Math.floor(seconds * 2) + 1, `${n} connections in ${seconds.toFixed(2)} s`);
        // Retried, not given up on: the fast pause is used for connection failures, not the 5 s one.
        assert.ok(n >= 3, `${n} connections in ${seconds.toFixed(2)} s`);
        const closest = Math.min(...gaps(e.connections));
        assert.ok(closest >= MIN_DOWN_GAP_MS, `two connections ${Math.round(closest)} ms apart`);
        // An immediate reset reads as a failed connect or a reset, depending on when it lands.
        assert.match(r.stderr, /last seen: (could not connect|connection reset|empty reply)/);
    });

    it("asks a closed port at most twice a second (the attempts it reports)", async () => {
        const e = await closedEmulator([{ kind: "agent" }]);
        const r = await run(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "3", ACTIVATION_REQUEST_TIMEOUT_SECONDS: "1" }));
        assertFailure(r, 3, 6000);
        const attempts = Number(/and (\d+) attempt\(s\)/.exec(r.stderr)?.[1]);
        const seconds = r.elapsedMs / 1000;
        assert.ok(attempts >= 3 && attempts <= Math.floor(seconds * 2) + 1, `${attempts} attempts in ${seconds.toFixed(2)} s:\n${r.stderr}`);
        assert.match(r.stderr, /last seen: connection refused/);
    });

    it("asks an agent that reports PRIVATE_LINK_ENDPOINT_UNREACHABLE once per 5 s", async () => {
        const e = await emulator([UNREACHABLE]);
        const r = await run(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "6", ACTIVATION_REQUEST_TIMEOUT_SECONDS: "1" }));
        assertFailure(r, 3, 9000);
        // Whatever the sub-second start, a 6 s deadline leaves room for exactly two 5-s-spaced requests.
        assertAllRequests(e, 2);
        const gap = e.requests[1].at - e.requests[0].at;
        assert.ok(gap >= MIN_UNREACHABLE_GAP_MS, `asked again after ${Math.round(gap)} ms`);
        assert.match(r.stderr, /last seen: the agent cannot reach the DataSync endpoint/);
    });

    it("switches to the fast pause once the agent stops reporting PRIVATE_LINK_ENDPOINT_UNREACHABLE", async () => {
        const e = await emulator([UNREACHABLE, { kind: "status", status: 503, body: "Service Unavailable" }]);
        const r = await run(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "7", ACTIVATION_REQUEST_TIMEOUT_SECONDS: "1" }));
        assertFailure(r, 3, 10000);
        const [first, ...fast] = gaps(e.requests.map((q) => q.at));
        assert.ok(first >= MIN_UNREACHABLE_GAP_MS, `asked again after ${Math.round(first)} ms`);
        assert.ok(fast.length >= 1, `only ${e.requests.length} requests:\n${r.stderr}`);
        assert.ok(Math.min(...fast) >= MIN_DOWN_GAP_MS && Math.max(...fast) < MIN_UNREACHABLE_GAP_MS, `gaps ${fast.map(Math.round).join(", ")} ms`);
    });
});
