// The whole package schema: package metadata and the language blocks around the resources and types
// built from the args sources. Used by scripts/gen-contract.ts and the tests only: it imports
// `typescript`, a dev dependency, so the provider's runtime code never imports it.
import * as fs from "fs";
import * as path from "path";
import { PACKAGE } from "../components/tokens";
import { schemaFromSource } from "./build";
import { SchemaError, SourceText } from "./spec";

/** How each SDK is named and packaged. */
export const LANGUAGE = {
    nodejs: {
        packageName: "@datasync-privatelink/pulumi",
        dependencies: { "@pulumi/pulumi": "^3.270.0" },
        devDependencies: { typescript: "^5.9.0", "@types/node": "^20.19.0" },
        respectSchemaVersion: true,
    },
    python: {
        packageName: "pulumi_datasync_privatelink",
        requires: { pulumi: ">=3.270.0,<4.0.0" },
        pyproject: { enabled: true },
        respectSchemaVersion: true,
    },
    go: {
        importBasePath: "github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink",
        generateResourceContainerTypes: true,
        generateExtraInputTypes: true,
        respectSchemaVersion: true,
    },
};

/** Reads every provider/src/args/*.ts file of a repository. */
export function readArgsSources(repoRoot: string): SourceText[] {
    const dir = path.join(repoRoot, "provider", "src", "args");
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
        .sort()
        .map((f) => ({ name: `provider/src/args/${f}`, text: fs.readFileSync(path.join(dir, f), "utf8") }));
}

/** The complete package schema for the repository at repoRoot (description and version from its package.json). */
export function buildSchema(repoRoot: string): object {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { description?: string; version?: string };
    if (!pkg.description || !pkg.version) {
        throw new SchemaError("package.json needs a description and a version");
    }
    const { resources, types } = schemaFromSource(readArgsSources(repoRoot));
    return {
        name: PACKAGE,
        displayName: "DataSync PrivateLink",
        version: pkg.version,
        description: pkg.description,
        keywords: ["pulumi", "aws", "datasync", "privatelink", "category/cloud", "kind/component"],
        license: "Apache-2.0",
        publisher: "datasync-privatelink",
        language: LANGUAGE,
        resources,
        types,
    };
}

/** schema.json text: 2-space indent, trailing newline. */
export function renderSchema(schema: object): string {
    return JSON.stringify(schema, null, 2) + "\n";
}
