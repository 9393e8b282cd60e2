#!/usr/bin/env node
// Entry point of pulumi-resource-datasync-privatelink. Component classes stay out of
// this module so importing the package never starts a gRPC server.
import * as fs from "fs";
import * as path from "path";
import * as provider from "@pulumi/pulumi/provider";
import { Provider } from "./provider";
import { exitWhenOrphaned } from "./orphanWatch";
import { silenceRpcResponseLogs } from "./quietRpcLog";

function repoFile(name: string): string {
    // build/provider/src/main.js -> repository root
    return path.join(__dirname, "..", "..", "..", name);
}

const schema = fs.readFileSync(repoFile("schema.json"), "utf8");
const version: string = JSON.parse(fs.readFileSync(repoFile("package.json"), "utf8")).version;

silenceRpcResponseLogs();
exitWhenOrphaned();
provider.main(new Provider(version, schema), process.argv.slice(2));
