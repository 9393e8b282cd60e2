// DSPL_AWS_DOUBLE_LOG: one JSON line per operation the double performed, with the account and
// Region it acted in and when it started and ended (so a test can rebuild the critical path). The
// resource operations are also the double's memory of what is live: each provider process replays
// the file, which is how several processes (one per provider instance) share one world.
import * as fs from "fs";
import { appendJsonLine, forLog, urnName, urnType } from "../wire";

export interface Interface {
    id: string;
    subnetId: string;
    privateIp: string;
    /** What owns it: the endpoint or instance ID. */
    owner: string;
}

export type Op = "create" | "update" | "delete" | "read" | "invoke";

/** One line of DSPL_AWS_DOUBLE_LOG. */
export interface LogRecord {
    op: Op;
    /** Resource type, or the function token for op "invoke". */
    type: string;
    urn: string;
    name: string;
    id: string;
    /** Where the operation acted: the provider's account, and the resource's (or the provider's) Region. */
    account: string;
    region: string;
    /** The provider instance that served it (its URN), when the engine said. */
    provider?: string;
    /** Start and end, ms since the epoch; `time` is the end as ISO text. */
    start: number;
    end: number;
    time: string;
    pid: number;
    /** The inputs the engine sent (for delete: the last known state); secrets as {"$secret": v}. */
    inputs: any;
    outputs?: any;
    /** update: the input keys that changed. */
    changed?: string[];
    /** Network interfaces the operation left in place (endpoints, instances). */
    interfaces?: Interface[];
    /** Service-side facts that are not outputs (e.g. an attachment's state). */
    internal?: Record<string, unknown>;
    /** Set when the service refused: the error as the engine shows it. Such records change nothing. */
    error?: string;
}

export function logFile(): string {
    const file = process.env.DSPL_AWS_DOUBLE_LOG;
    if (!file) {
        throw new Error("aws test double: DSPL_AWS_DOUBLE_LOG (the operation log) is not set");
    }
    return file;
}

/**
 * Every complete line. Another provider process may be appending while this one reads, so a last
 * line without its newline is still being written and is left out.
 */
export function readLog(file: string): LogRecord[] {
    if (!fs.existsSync(file)) {
        return [];
    }
    const text = fs.readFileSync(file, "utf8");
    const complete = text.slice(0, text.lastIndexOf("\n") + 1);
    return complete
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as LogRecord);
}

export interface Where {
    account: string;
    region: string;
    provider?: string;
}

export function writeRecord(file: string, op: Op, urn: string, id: string, where: Where, start: number, inputs: unknown, extra: Partial<LogRecord> = {}): void {
    const end = extra.end ?? Date.now();
    const rec: LogRecord = {
        op,
        type: op === "invoke" ? urn : urnType(urn),
        urn: op === "invoke" ? "" : urn,
        name: op === "invoke" ? "" : urnName(urn),
        id,
        account: where.account,
        region: where.region,
        ...(where.provider ? { provider: where.provider } : {}),
        start,
        pid: process.pid,
        inputs: forLog(inputs),
        ...extra,
        ...(extra.outputs !== undefined ? { outputs: forLog(extra.outputs) } : {}),
        end,
        time: new Date(end).toISOString(),
    };
    appendJsonLine(file, rec as unknown as Record<string, unknown>);
}
