// Bridges the pure checks to Pulumi: which values are known now, and how problems
// are reported (one InputPropertiesError listing every problem).
import * as pulumi from "@pulumi/pulumi";
import { describe, Known, Problem, summary, UNKNOWN } from "../plan";

/** The args with every Output and Promise replaced by UNKNOWN. */
export function knownNow<T>(value: T): Known<T> {
    return project(value) as Known<T>;
}

function project(v: unknown): unknown {
    if (pulumi.Output.isInstance(v) || (typeof v === "object" && v !== null && typeof (v as PromiseLike<unknown>).then === "function")) {
        return UNKNOWN;
    }
    if (Array.isArray(v)) {
        return v.map(project);
    }
    if (typeof v === "object" && v !== null && !pulumi.Resource.isInstance(v)) {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, project(x)]));
    }
    return v;
}

export function failOnProblems(component: string, problems: Problem[]): void {
    if (problems.length === 0) {
        return;
    }
    throw new pulumi.InputPropertiesError({
        message: summary(component, problems),
        errors: problems.map((p) => ({ propertyPath: p.path, reason: describe(p) })),
    });
}

/**
 * Re-runs the checks on the resolved args (plus deploy-time facts) and yields the
 * facts only if they pass. Children take their inputs from the result, so nothing
 * is created when a late-known value is bad.
 */
export function gate<A, F>(component: string, args: A, facts: pulumi.Input<F>, check: (a: Known<A>, f: F) => Problem[]): pulumi.Output<F> {
    return pulumi.all([pulumi.output(args as any), facts]).apply(([a, f]) => {
        failOnProblems(component, check(a as Known<A>, f as F));
        return f as F;
    }) as pulumi.Output<F>;
}
