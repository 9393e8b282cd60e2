// Does `pulumi package get-schema` print schema.json? The CLI decodes the served schema into its
// PackageSpec and re-encodes it, which reorders keys, adds `"config": {}` and drops empty lists
// (Go's omitempty), so the two are compared as data: keys sorted, empty objects and arrays
// dropped. Anything else (a missing or changed property, type, description) is a difference.
//   node tests/plugin/schema-equal.js EXPECTED.json GOT.json
"use strict";
const fs = require("fs");

function canon(v) {
    if (Array.isArray(v)) {
        return v.map(canon);
    }
    if (v && typeof v === "object") {
        const out = {};
        for (const k of Object.keys(v).sort()) {
            const c = canon(v[k]);
            const empty = c && typeof c === "object" && Object.keys(c).length === 0;
            if (!empty) {
                out[k] = c;
            }
        }
        return out;
    }
    return v;
}

/** The first path at which a and b differ, or undefined. */
function firstDifference(a, b, path) {
    if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
        return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`.slice(0, 400);
    }
    if (a && typeof a === "object") {
        for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
            const d = k in a && k in b ? firstDifference(a[k], b[k], `${path}/${k}`) : `${path}/${k}: only in ${k in a ? "expected" : "got"}`;
            if (d) {
                return d;
            }
        }
        return undefined;
    }
    return a === b ? undefined : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`.slice(0, 400);
}

const [expected, got] = process.argv.slice(2).map((f) => canon(JSON.parse(fs.readFileSync(f, "utf8"))));
const d = firstDifference(expected, got, "");
if (d) {
    console.error(`schemas differ at ${d}`);
    process.exit(1);
}
