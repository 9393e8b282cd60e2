// What a state is made of: compact-JSON bytes per resource type (what the engine writes, the file
// backend marshals compactly), and for the per-agent types, per field.

export interface Composition {
    /** Bytes of compact JSON per resource type, and how many resources. */
    byType: Record<string, { count: number; bytes: number }>;
    /** For each type with more than one resource: bytes per field, averaged over its resources. */
    fieldsPerResource: Record<string, Record<string, number>>;
    totalCompactBytes: number;
}

export function composition(stateText: string): Composition {
    const resources: Array<Record<string, unknown> & { type: string }> = JSON.parse(stateText).deployment.resources ?? [];
    const byType: Composition["byType"] = {};
    const fields: Record<string, Record<string, number>> = {};
    let total = 0;
    for (const r of resources) {
        const bytes = JSON.stringify(r).length;
        total += bytes;
        const t = (byType[r.type] ??= { count: 0, bytes: 0 });
        t.count++;
        t.bytes += bytes;
        const f = (fields[r.type] ??= {});
        for (const [k, v] of Object.entries(r)) {
            f[k] = (f[k] ?? 0) + JSON.stringify(v).length;
        }
    }
    const fieldsPerResource: Composition["fieldsPerResource"] = {};
    for (const [type, f] of Object.entries(fields)) {
        if (byType[type].count > 1) {
            fieldsPerResource[type] = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Math.round(v / byType[type].count)]));
        }
    }
    return { byType, fieldsPerResource, totalCompactBytes: total };
}
