// Secrets (the activation key above all) never in plain text: not in the state, the CLI's output
// or PULUMI_HOME (its logs).
import * as assert from "assert";

export function assertAbsent(keys: string[], places: Array<[string, string]>, what = "an activation key"): void {
    assert.ok(keys.length > 0, `no ${what} to look for`);
    for (const [where, text] of places) {
        for (const key of keys) {
            const at = text.indexOf(key);
            assert.ok(at < 0, `${what} appears in plain text in ${where}: ...${text.slice(Math.max(0, at - 200), at)}<SECRET>...`);
        }
    }
}
