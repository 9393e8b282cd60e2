/**
 * The script against the emulator's documented agent and its lifecycle: a Basic- or Enhanced-mode
 * agent, port 80 closing after activation, and reopening after DeleteAgent (shortened from about
 * 3 minutes). The first block checks the double itself against its sources.
 */
import * as assert from "assert";
import * as http from "http";
import { AgentEmulator } from "./emulator";
import { assertAllRequests, assertFailure, assertSuccess, baseVars, scriptHarness } from "./harness";

interface Reply {
    status?: number;
    location?: string;
    body?: string;
    error?: string;
}

function get(address: string, query: string): Promise<Reply> {
    return new Promise((resolve) => {
        const req = http.get(`http://${address}/?${query}`, (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (d: string) => (body += d));
            res.on("end", () => resolve({ status: res.statusCode, location: res.headers.location, body }));
        });
        req.on("error", (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    });
}

const QUERY = "gatewayType=SYNC&activationRegion=us-east-1&endpointType=PRIVATE_LINK&privateLinkEndpoint=127.0.0.2";

describe("the agent emulator's documented agent", () => {
    const emulators: AgentEmulator[] = [];
    afterEach(async () => {
        await Promise.all(emulators.splice(0).map((e) => e.close()));
    });
    async function agent(mode: "basic" | "enhanced"): Promise<AgentEmulator> {
        const e = await AgentEmulator.start([{ kind: "agent", mode }]);
        emulators.push(e);
        return e;
    }

    it("answers no_redirect with 200 and a fresh key alone as the body, in either mode", async () => {
        for (const mode of ["basic", "enhanced"] as const) {
            const e = await agent(mode);
            const a = await get(e.address, `${QUERY}&no_redirect`);
            const b = await get(e.address, `${QUERY}&no_redirect`);
            assert.deepStrictEqual([a.status, b.status], [200, 200]);
            assert.deepStrictEqual([a.body, b.body], e.issuedKeys);
            assert.notStrictEqual(a.body, b.body);
        }
    });

    it("answers the redirect form with 302 and activationKey (Basic), or closes the connection (Enhanced)", async () => {
        const basic = await agent("basic");
        const r = await get(basic.address, QUERY);
        assert.strictEqual(r.status, 302);
        assert.strictEqual(r.location, `http://localhost/?activationKey=${basic.issuedKeys[0]}`);
        const enhanced = await agent("enhanced");
        const closed = await get(enhanced.address, QUERY);
        assert.strictEqual(closed.error, "ECONNRESET"); // Node's name for a socket closed before any answer
        assert.deepStrictEqual(enhanced.issuedKeys, []);
    });

    it("closes port 80 on activation with a key it minted, once; refuses other keys", async () => {
        const e = await agent("basic");
        const key = (await get(e.address, `${QUERY}&no_redirect`)).body as string;
        await assert.rejects(e.activate("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE"));
        await e.activate(key);
        assert.strictEqual((await get(e.address, QUERY)).error, "ECONNREFUSED");
        await assert.rejects(e.activate(key));
    });
});

describe("activate.sh through the agent's lifecycle (against the agent emulator)", function () {
    this.timeout(30000);
    const { emulator, run } = scriptHarness();

    for (const mode of ["basic", "enhanced"] as const) {
        it(`prints the key a ${mode}-mode agent minted`, async () => {
            const e = await emulator([{ kind: "agent", mode }]);
            const r = await run(baseVars(e));
            assertSuccess(r, e.issuedKeys[0]);
            assertAllRequests(e, 1);
            assert.strictEqual(e.issuedKeys.length, 1);
        });
    }

    it("waits out an activated agent's closed port, then gets a new key once DeleteAgent reopens it", async () => {
        const e = await emulator([{ kind: "agent" }], { reopenAfterMs: 1500 });
        const first = await run(baseVars(e));
        assertSuccess(first, e.issuedKeys[0]);
        await e.activate(e.issuedKeys[0]);

        const closed = await run(baseVars(e, { ACTIVATION_TIMEOUT_SECONDS: "2", ACTIVATION_REQUEST_TIMEOUT_SECONDS: "1" }));
        assertFailure(closed, 3, 5000);
        assert.match(closed.stderr, /last seen: connection refused/);
        assert.match(closed.stderr, /port 80 closes once the agent is activated; after DeleteAgent/);

        const reopened = e.deleteAgent();
        const second = await run(baseVars(e));
        const reopenedAt = await reopened;
        assert.strictEqual(e.issuedKeys.length, 2);
        assertSuccess(second, e.issuedKeys[1]);
        assert.notStrictEqual(e.issuedKeys[1], e.issuedKeys[0]);
        assert.ok((second.lineAt as number) > reopenedAt, "the key came before port 80 reopened");
        assertAllRequests(e, 2);
    });
});
