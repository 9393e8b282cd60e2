// Reading the AWS test double's operation log (DSPL_AWS_DOUBLE_LOG): what changed, what is live,
// and where each resource was created.
import * as assert from "assert";
import type { LogRecord, World } from "../engine/doubles/aws";
import { readLog } from "../engine/doubles/aws/log";
import { Scenario } from "./scenarios";
import { worldPlaces } from "./world";

export class DoubleLog {
    private mark = 0;

    constructor(private readonly file: string) {}

    /** Every complete line so far. */
    all(): LogRecord[] {
        return readLog(this.file);
    }

    /** Creates, updates and deletes the services accepted, in order. */
    changes(): LogRecord[] {
        return this.all().filter((r) => r.error === undefined && (r.op === "create" || r.op === "update" || r.op === "delete"));
    }

    /** The changes since the previous call of `sinceMark` (or the start). */
    sinceMark(): LogRecord[] {
        const changes = this.changes();
        const out = changes.slice(this.mark);
        this.mark = changes.length;
        return out;
    }

    /** "type id" of everything still live after replaying every change. */
    live(): string[] {
        const live = new Set<string>();
        for (const r of this.changes()) {
            const k = `${r.type} ${r.id}`;
            if (r.op === "delete") {
                live.delete(k);
            } else {
                live.add(k);
            }
        }
        return [...live].sort();
    }
}

export const placeOf = (r: LogRecord): string => `${r.account}/${r.region}`;

/** The inputs by which a resource names the things it belongs to (its VPC, subnet, group, table...). */
const REFERENCES = [
    "vpcId",
    "subnetId",
    "subnetIds",
    "securityGroupId",
    "securityGroupIds",
    "vpcSecurityGroupIds",
    "routeTableId",
    "transitGatewayId",
    "transitGatewayRouteTableId",
    "vpcEndpointId",
];

/**
 * Where AWS requires each created resource: the placement the scenario lists per type (destination or
 * source side), and, for every resource, the account and Region of each thing it references (IDs are
 * scoped to an account and Region: EC2 answers NotFound for another's, docs/aws-double.md P9).
 */
export function assertPlacement(created: LogRecord[], scenario: Scenario, world: World): void {
    const sides = { destination: scenario.destination, source: scenario.source };
    const byType = new Map<string, Set<string>>();
    for (const r of created) {
        byType.set(r.type, (byType.get(r.type) ?? new Set()).add(placeOf(r)));
    }
    assert.deepStrictEqual([...byType.keys()].sort(), Object.keys(scenario.placement).sort(), "the AWS resource types created");
    for (const [type, expected] of Object.entries(scenario.placement)) {
        assert.deepStrictEqual([...byType.get(type)!].sort(), [...new Set(expected.map((s) => sides[s]))].sort(), `where the ${type} resources were created`);
    }
    const places = worldPlaces(world);
    for (const r of created) {
        places.set(r.id, placeOf(r));
    }
    for (const r of created) {
        for (const key of REFERENCES) {
            for (const id of [r.inputs?.[key]].flat()) {
                if (typeof id === "string" && places.has(id)) {
                    assert.strictEqual(
                        placeOf(r),
                        places.get(id),
                        `${r.type} ${r.name} was created in ${placeOf(r)}, but its ${key} ${id} is in ${places.get(id)}`,
                    );
                }
            }
        }
    }
}
