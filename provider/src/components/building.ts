// How a component builds its children after asynchronous checks. The checks (the inputs once
// they resolve, and what AWS lookups report) run before any child exists; a failure rejects
// `ready` with one InputPropertiesError and no child is registered. The component's outputs then
// never settle instead of rejecting: a rejected Output leaves promises nobody awaits, which the
// Pulumi host reports as extra errors after the real one.
import * as pulumi from "@pulumi/pulumi";
import { describe, Problem, summary } from "../plan";
import type { PortRange } from "../plan";

export interface Built<T> {
    /** Resolves once every child is registered; rejects with the checks' error. */
    ready: Promise<void>;
    /** Resolves with the build's result; never settles when the build fails. */
    settled: Promise<T>;
    output<U>(f: (t: T) => pulumi.Input<U>): pulumi.Output<U>;
}

export function built<T>(build: Promise<T>): Built<T> {
    const settled = build.then(
        (t) => t,
        () => new Promise<never>(() => undefined),
    );
    return {
        ready: build.then(() => undefined),
        settled,
        output: <U>(f: (t: T) => pulumi.Input<U>) => pulumi.output(settled.then(f)) as pulumi.Output<U>,
    };
}

// Fields that carry secrets, and the paths whose value contains one. The engine prints the input
// value at each reported property path (pulumi pkg/resource/deploy/source_eval.go, errorToMessage:
// "property %v with value '%v' has a problem"), unmasked, so a problem there is reported in the
// message text only, never as a property error.
const SECRET_BEARING = /(^|\.)(manualKey|privateKey|jumpHost|proxy|activation)$|^agents(\[\d+\])?$/;

function secretBearing(p: Problem): boolean {
    return p.secret === true || SECRET_BEARING.test(p.path);
}

/** Throws one InputPropertiesError listing every problem; nothing when there are none. */
export function failOnProblems(component: string, problems: Problem[]): void {
    if (problems.length === 0) {
        return;
    }
    const hidden = problems.filter(secretBearing);
    const shown = problems.filter((p) => !secretBearing(p));
    throw new pulumi.InputPropertiesError({
        message: summary(component, problems.length, hidden),
        errors: shown.map((p) => ({ propertyPath: p.path, reason: describe(p) })),
    });
}

export function warnAll(resource: pulumi.Resource, warnings: string[]): void {
    for (const w of warnings) {
        void pulumi.log.warn(w, resource);
    }
}

/** A rule description EC2 accepts (no component or agent names: they may hold characters EC2 refuses). */
export function endpointRuleDescription(port: PortRange): string {
    return port.purpose;
}
