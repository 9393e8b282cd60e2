import * as fs from "fs";
import * as path from "path";

// The script ships beside this module (the build copies it). It is passed to the
// Command as the command text rather than uploaded, so a jump host needs only sh and curl.
let cached: string | undefined;

export function activationScript(): string {
    if (cached === undefined) {
        const candidates = [path.join(__dirname, "activate.sh"), path.join(__dirname, "..", "..", "..", "..", "provider", "src", "activation", "activate.sh")];
        const found = candidates.find((c) => fs.existsSync(c));
        if (!found) {
            throw new Error(`activation script not found (looked in ${candidates.join(", ")})`);
        }
        cached = fs.readFileSync(found, "utf8");
    }
    return cached;
}
