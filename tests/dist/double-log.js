// Summarise the AWS test double's operation log (DSPL_AWS_DOUBLE_LOG, JSON lines written by
// tests/engine/doubles/aws: one record per create/update/delete, and per lookup ("invoke", which
// leaves nothing live), with "op", "type" and "id"):
//   node tests/dist/double-log.js LOG created   the types created, one per line, sorted
//   node tests/dist/double-log.js LOG live      what is still live after replaying every record
"use strict";
const fs = require("fs");

const [file, what] = process.argv.slice(2);
const records = fs.existsSync(file)
    ? fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l))
    : [];
const live = new Map();
for (const r of records.filter((x) => x.error === undefined && (x.op === "create" || x.op === "update" || x.op === "delete"))) {
    const key = `${r.type} ${r.id}`;
    if (r.op === "delete") {
        live.delete(key);
    } else {
        live.set(key, r.type);
    }
}
const lines = what === "created" ? records.filter((r) => r.op === "create" && r.error === undefined).map((r) => r.type) : [...live.keys()];
for (const l of lines.sort()) {
    console.log(l);
}
