// What is live, rebuilt from the operation log: every resource the double created and has not
// deleted, with the account and Region it lives in. Failed operations and reads change nothing.
import { Interface, LogRecord } from "./log";

export interface Live {
    type: string;
    id: string;
    urn: string;
    account: string;
    region: string;
    outputs: any;
    interfaces: Interface[];
    internal: Record<string, any>;
}

/** Undo forLog: {"$secret": v} -> v. */
export function fromLog(v: any): any {
    if (Array.isArray(v)) {
        return v.map(fromLog);
    }
    if (v && typeof v === "object") {
        if (Object.keys(v).length === 1 && "$secret" in v) {
            return fromLog(v.$secret);
        }
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromLog(x)]));
    }
    return v;
}

export class State {
    private readonly live = new Map<string, Live>();
    /** Activation keys CreateAgent has accepted (keys are single-use). */
    readonly usedKeys = new Set<string>();

    constructor(records: LogRecord[]) {
        for (const r of records) {
            if (r.error !== undefined || (r.op !== "create" && r.op !== "update" && r.op !== "delete")) {
                continue;
            }
            const key = `${r.type}|${r.id}`;
            if (r.op === "delete") {
                this.live.delete(key);
                continue;
            }
            this.live.set(key, {
                type: r.type,
                id: r.id,
                urn: r.urn,
                account: r.account,
                region: r.region,
                outputs: fromLog(r.outputs ?? {}),
                interfaces: r.interfaces ?? [],
                internal: r.internal ?? {},
            });
            if (r.op === "create" && r.type === "aws:datasync/agent:Agent") {
                const k = fromLog(r.inputs?.activationKey);
                if (typeof k === "string") {
                    this.usedKeys.add(k);
                }
            }
        }
    }

    get(type: string, id: string): Live | undefined {
        return this.live.get(`${type}|${id}`);
    }

    ofType(type: string): Live[] {
        return [...this.live.values()].filter((l) => l.type === type);
    }

    /** Live resources of a type in one account and Region. */
    at(type: string, account: string, region: string): Live[] {
        return this.ofType(type).filter((l) => l.account === account && l.region === region);
    }

    interfaces(): Interface[] {
        return [...this.live.values()].flatMap((l) => l.interfaces);
    }
}
