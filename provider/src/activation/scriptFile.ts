// Where the local activation Command finds its script. The script (~16 KB) is not passed as the
// command text: a Command stores its create text twice in the state (inputs and outputs), and
// the engine writes the whole state after every step, so a fleet paid for it quadratically. The
// provider keeps the script in the user's cache directory instead and the command text only
// names it. The path is computed by the shell from the same environment the provider sees (both
// are children of the Pulumi CLI), so the text never changes between machines or versions, and a
// later re-activation runs the script of the provider version doing it.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { activationScript } from "./script";

const RELATIVE = path.join("datasync-privatelink", "activate.sh");

/** The command text of the local activation Command. */
export const LOCAL_ACTIVATION_COMMAND = 'exec /bin/sh "${XDG_CACHE_HOME:-$HOME/.cache}/datasync-privatelink/activate.sh"';

/** The file LOCAL_ACTIVATION_COMMAND runs, resolved as sh resolves it (an empty variable counts as unset). */
export function scriptPath(env: NodeJS.ProcessEnv = process.env): string {
    const cache = env.XDG_CACHE_HOME || (env.HOME ? path.join(env.HOME, ".cache") : undefined);
    if (cache === undefined) {
        throw new Error("cannot place the activation script: neither XDG_CACHE_HOME nor HOME is set in the environment of the Pulumi CLI");
    }
    return path.join(cache, RELATIVE);
}

let installed: string | undefined;

/**
 * Writes the script where LOCAL_ACTIVATION_COMMAND looks, once per provider process: a private
 * directory (0700, ours), the file replaced atomically so a concurrent run never reads half a script.
 */
export function installActivationScript(env: NodeJS.ProcessEnv = process.env): string {
    const target = scriptPath(env);
    if (installed === target) {
        return target;
    }
    const dir = path.dirname(target);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.statSync(dir);
    if (typeof process.getuid === "function" && st.uid !== process.getuid()) {
        throw new Error(`cannot place the activation script: ${dir} belongs to another user`);
    }
    fs.chmodSync(dir, 0o700);
    const text = activationScript();
    const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
    if (current !== text) {
        const tmp = path.join(dir, `.activate.sh.${process.pid}.${crypto.randomBytes(4).toString("hex")}`);
        fs.writeFileSync(tmp, text, { mode: 0o600 });
        fs.renameSync(tmp, target);
    }
    installed = target;
    return target;
}
