/**
 * PRIVATE_LINK_ENDPOINT_UNREACHABLE is retried whatever the HTTP status and wherever it appears
 * (review F14): how an agent asked with no_redirect reports it is undocumented, so each plausible
 * form is tried against the script. A retried answer ends at the deadline (exit 3) with the
 * endpoint advice; a hard error would end at once (exit 4).
 */
import * as assert from "assert";
import { Behaviour, randomKey } from "./emulator";
import { assertAllRequests, assertFailure, assertSuccess, baseVars, ENDPOINT_IP, scriptHarness } from "./harness";

const MARKER = "PRIVATE_LINK_ENDPOINT_UNREACHABLE";

const FORMS: Array<[string, Behaviour]> = [
    ["a 302 whose Location carries errorType", { kind: "redirectError", errorType: MARKER }],
    ["a 200 whose body is errorType=…", { kind: "unreachable", status: 200, in: "body" }],
    ["a 200 whose body is JSON", { kind: "unreachable", status: 200, in: "body", body: `{"errorType":"${MARKER}"}` }],
    ["a 400 whose body names it", { kind: "unreachable", status: 400, in: "body", body: `Activation failed: ${MARKER}\n` }],
    ["a 403 whose body is errorType=…", { kind: "unreachable", status: 403, in: "body" }],
    ["a 500 whose body is errorType=…", { kind: "unreachable", status: 500, in: "body" }],
    ["a 503 whose body is errorType=… (not taken for a load balancer)", { kind: "unreachable", status: 503, in: "body" }],
    ["a 400 whose Location carries errorType", { kind: "unreachable", status: 400, in: "location" }],
];

describe("activate.sh retries PRIVATE_LINK_ENDPOINT_UNREACHABLE in any form (against the agent emulator)", function () {
    this.timeout(30000);
    const { emulator, run } = scriptHarness();

    for (const [name, behaviour] of FORMS) {
        it(`retries ${name} until the deadline, pausing 5 s`, async () => {
            const e = await emulator([behaviour]);
            const r = await run(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "1", ACTIVATION_REQUEST_TIMEOUT_SECONDS: "1" }));
            assertFailure(r, 3, 4000);
            assertAllRequests(e, 1); // the 5 s pause, clamped to the 1 s deadline
            assert.match(r.stderr, new RegExp(`last seen: the agent cannot reach the DataSync endpoint ${ENDPOINT_IP} \\(HTTP \\d{3} reporting ${MARKER}\\)`));
            for (const needle of ["443", "1024-1064", "routes", "pending"]) {
                assert.ok(r.stderr.includes(needle), `final message lacks "${needle}":\n${r.stderr}`);
            }
        });
    }

    it("prints the key once the agent reaches the endpoint, after a 500 that reported it", async () => {
        const key = randomKey();
        const e = await emulator([
            { kind: "unreachable", status: 500, in: "body" },
            { kind: "key", key },
        ]);
        const r = await run(baseVars(e));
        assertSuccess(r, key, 9000);
        assertAllRequests(e, 2);
        assert.match(r.stderr, /HTTP 500 reporting PRIVATE_LINK_ENDPOINT_UNREACHABLE\), retrying \(attempt 1, /);
    });

    it("takes only the whole word: a 500 naming PRIVATE_LINK_ENDPOINT_UNREACHABLE_SOON is a hard error", async () => {
        const e = await emulator([{ kind: "status", status: 500, body: `errorType=${MARKER}_SOON` }]);
        const r = await run(baseVars(e));
        assertFailure(r, 4, 5000);
        assertAllRequests(e, 1);
        assert.match(r.stderr, /answered HTTP 500/);
    });

    it("does not fall back to the redirect form after an unexpected status", async () => {
        const e = await emulator([{ kind: "status", status: 400, body: "Bad Request" }, { kind: "agent" }]);
        const r = await run(baseVars(e));
        assertFailure(r, 4, 5000);
        assertAllRequests(e, 1); // one request, with no_redirect
        assert.match(r.stderr, /answered HTTP 400, expected 200 with an activation key/);
    });
});
