// Runs the fleet benchmark with an earlier commit's engine harness and doubles (its
// RemotePrivateAgent, Sandbox, AWS and command doubles), in its own process so that its
// node_modules (@pulumi/pulumi) never mix with this checkout's. Started by parts/before.ts:
//   node beforeRunner.js <earlier tree> <sizes, comma-separated> <reps>
// Prints one line `RESULT <json>` per run; progress lines otherwise.
import * as path from "path";
import { fleetArgs } from "../lib/fleetScenario";
import { say, secs } from "../lib/progress";
import { fleetOnce, Harness } from "./fleet";

async function main(): Promise<void> {
    const [root, sizes, reps] = process.argv.slice(2);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const old = require(path.join(root, "build", "tests", "engine", "harness.js"));
    old.checkPlugins();
    // The earlier component had no ingressScope: its endpoint group got each agent's address.
    const h: Harness = { Sandbox: old.Sandbox, RemotePrivateAgent: old.RemotePrivateAgent, args: (n, a) => fleetArgs(n, a, undefined) };
    // Sizes interleaved per repetition, as in fleet.ts.
    for (let rep = 1; rep <= Number(reps); rep++) {
        for (const n of sizes.split(",").map(Number)) {
            const r = await fleetOnce(h, n, rep);
            say(
                `before N=${n} ${rep}/${reps}: up ${secs(r.upMs)}, preview ${secs(r.previewMs)}, destroy ${secs(r.destroyMs)}, state ${(r.stateBytes / 1024).toFixed(0)} KiB`,
            );
            console.log(`RESULT ${JSON.stringify(r)}`);
        }
    }
}

main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
});
