// The dependency graph the engine recorded, read from `pulumi stack export`: one node per custom
// resource (providers left out: a resource names its provider in `provider`, not as a dependency),
// one edge per dependency the engine honours before creating the resource (`dependencies` and every
// list in `propertyDependencies`). A dependency on a component stands for every custom resource under
// it, which is how the engine waits for a component (pulumi sdk/nodejs resource.ts,
// getAllTransitivelyReferencedResourceURNs).

export interface Node {
    urn: string;
    type: string;
    /** The resource's name (last URN part). */
    name: string;
    id: string;
    parent?: string;
    inputs: Record<string, any>;
    outputs: Record<string, any>;
}

/** `from` waits for `to`. */
export interface Edge {
    from: string;
    to: string;
}

export interface Graph {
    nodes: Map<string, Node>;
    edges: Edge[];
}

interface StateResource {
    urn: string;
    type: string;
    custom?: boolean;
    id?: string;
    parent?: string;
    inputs?: Record<string, any>;
    outputs?: Record<string, any>;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export function urnName(urn: string): string {
    return urn.split("::").pop() ?? urn;
}

function isProvider(type: string): boolean {
    return type.startsWith("pulumi:providers:");
}

/** From the JSON `pulumi stack export` prints. */
export function graphOf(exported: { deployment: { resources?: StateResource[] } }): Graph {
    const resources = exported.deployment.resources ?? [];
    const nodes = new Map<string, Node>();
    for (const r of resources) {
        if (r.custom && !isProvider(r.type)) {
            nodes.set(r.urn, {
                urn: r.urn,
                type: r.type,
                name: urnName(r.urn),
                id: r.id ?? "",
                parent: r.parent,
                inputs: r.inputs ?? {},
                outputs: r.outputs ?? {},
            });
        }
    }
    const children = new Map<string, string[]>();
    for (const r of resources) {
        if (r.parent) {
            children.set(r.parent, [...(children.get(r.parent) ?? []), r.urn]);
        }
    }
    const customsUnder = (urn: string): string[] => (nodes.has(urn) ? [urn] : (children.get(urn) ?? []).flatMap(customsUnder));
    const seen = new Set<string>();
    const edges: Edge[] = [];
    for (const r of resources) {
        if (!nodes.has(r.urn)) {
            continue;
        }
        const deps = [...(r.dependencies ?? []), ...Object.values(r.propertyDependencies ?? {}).flat()];
        for (const to of deps.flatMap(customsUnder)) {
            const key = `${r.urn}\n${to}`;
            if (to !== r.urn && !seen.has(key)) {
                seen.add(key);
                edges.push({ from: r.urn, to });
            }
        }
    }
    return { nodes, edges };
}

/** Every node `from` waits for, directly or through others, over `edges`. */
export function ancestors(from: string, edges: Edge[]): Set<string> {
    const out = new Map<string, string[]>();
    for (const e of edges) {
        out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    }
    const seen = new Set<string>();
    const stack = [...(out.get(from) ?? [])];
    while (stack.length > 0) {
        const n = stack.pop()!;
        if (!seen.has(n)) {
            seen.add(n);
            stack.push(...(out.get(n) ?? []));
        }
    }
    return seen;
}

export interface Path {
    /** Total weight along the path, ms. */
    ms: number;
    /** URNs from the first resource created to the last. */
    nodes: string[];
}

/** The heaviest chain of waits over `edges`, each node weighing `weight(node)` ms (the graph is acyclic). */
export function longestPath(nodes: Iterable<string>, edges: Edge[], weight: (urn: string) => number): Path {
    const deps = new Map<string, string[]>();
    for (const e of edges) {
        deps.set(e.from, [...(deps.get(e.from) ?? []), e.to]);
    }
    const best = new Map<string, Path>();
    const visiting = new Set<string>();
    const finish = (n: string): Path => {
        const known = best.get(n);
        if (known) {
            return known;
        }
        if (visiting.has(n)) {
            throw new Error(`dependency cycle through ${n}`);
        }
        visiting.add(n);
        let before: Path = { ms: 0, nodes: [] };
        for (const d of deps.get(n) ?? []) {
            const p = finish(d);
            if (p.ms > before.ms) {
                before = p;
            }
        }
        visiting.delete(n);
        const p = { ms: before.ms + weight(n), nodes: [...before.nodes, n] };
        best.set(n, p);
        return p;
    };
    let longest: Path = { ms: 0, nodes: [] };
    for (const n of nodes) {
        const p = finish(n);
        if (p.ms > longest.ms) {
            longest = p;
        }
    }
    return longest;
}
