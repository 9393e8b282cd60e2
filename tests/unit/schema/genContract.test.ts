// scripts/gen-contract: writes schema.json and docs/reference.md; --check fails with a unified diff.
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { contractFiles, main } from "../../../scripts/gen-contract";

const repoRoot = path.resolve(__dirname, "../../../..");

describe("gen-contract [--check]", () => {
    let tmp: string;
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const read = (rel: string) => fs.readFileSync(path.join(tmp, rel), "utf8");

    beforeEach(() => {
        lines.length = 0;
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gen-contract-"));
        fs.copyFileSync(path.join(repoRoot, "package.json"), path.join(tmp, "package.json"));
        fs.cpSync(path.join(repoRoot, "provider", "src", "args"), path.join(tmp, "provider", "src", "args"), { recursive: true });
    });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("writes schema.json and docs/reference.md, then passes --check", () => {
        assert.strictEqual(main([], tmp, io), 0);
        const expected = contractFiles(repoRoot);
        assert.strictEqual(read("schema.json"), expected.get("schema.json"));
        assert.strictEqual(read("docs/reference.md"), expected.get("docs/reference.md"));
        lines.length = 0;
        assert.strictEqual(main(["--check"], tmp, io), 0);
        assert.deepStrictEqual(lines, ["schema.json is up to date", "docs/reference.md is up to date"]);
    });

    it("fails --check on a stale schema.json with a unified diff", () => {
        assert.strictEqual(main([], tmp, io), 0);
        fs.writeFileSync(path.join(tmp, "schema.json"), read("schema.json").replace('"DataSync PrivateLink"', '"Old Name"'));
        lines.length = 0;
        assert.strictEqual(main(["--check"], tmp, io), 1);
        const text = lines.join("\n");
        assert.match(text, /schema\.json is stale: run `make schema`/);
        assert.match(text, /^--- schema\.json \(committed\)$/m);
        assert.match(text, /^\+\+\+ schema\.json \(generated\)$/m);
        assert.match(text, /^-\s+"displayName": "Old Name",$/m);
        assert.match(text, /^\+\s+"displayName": "DataSync PrivateLink",$/m);
        assert.match(text, /docs\/reference\.md is up to date/);
    });

    it("fails --check on a missing or stale docs/reference.md", () => {
        assert.strictEqual(main([], tmp, io), 0);
        fs.rmSync(path.join(tmp, "docs", "reference.md"));
        lines.length = 0;
        assert.strictEqual(main(["--check"], tmp, io), 1);
        assert.match(lines.join("\n"), /docs\/reference\.md is missing/);
        fs.writeFileSync(path.join(tmp, "docs", "reference.md"), "# Old\n");
        lines.length = 0;
        assert.strictEqual(main(["--check"], tmp, io), 1);
        assert.match(lines.join("\n"), /^-# Old$/m);
    });

    it("reports a bad args file without writing", () => {
        fs.appendFileSync(path.join(tmp, "provider", "src", "args", "side.ts"), "\n/** X. */\nexport interface AwsSide { /** Y. */ extra: Date; }\n");
        assert.strictEqual(main([], tmp, io), 1);
        assert.match(lines.join("\n"), /AwsSide is declared twice/);
        assert.ok(!fs.existsSync(path.join(tmp, "schema.json")));
    });

    it("loads no Pulumi package: the registry's data part and the defaults table are plain modules", () => {
        const script = path.join(repoRoot, "build", "scripts", "gen-contract.js");
        const probe = `require(${JSON.stringify(script)}); console.log(JSON.stringify(Object.keys(require.cache)))`;
        const loaded = JSON.parse(execFileSync(process.execPath, ["-e", probe], { encoding: "utf8" })) as string[];
        assert.ok(
            loaded.some((m) => m.endsWith("components/tokens.js")),
            "the registry is read",
        );
        assert.deepStrictEqual(
            loaded.filter((m) => m.includes("@pulumi")),
            [],
        );
    });

    it("refuses unknown arguments", () => {
        assert.strictEqual(main(["--write"], tmp, io), 2);
        assert.match(lines.join("\n"), /usage: gen-contract \[--check\]/);
    });
});
