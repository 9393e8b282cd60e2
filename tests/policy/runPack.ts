// Runs every policy of the pack over a resource set, the way the analyzer does: resource policies
// once per resource (skipping those that declare themselves not applicable), stack policies once
// over the whole set. Used by the fixture-stack tests.
import { EnforcementLevel, PolicyPackConfig } from "@pulumi/policy";
import { policies } from "../../policy/policies";
import { check, FixtureResource, isStackPolicy, UnknownValueError } from "./fixtures";

export interface PackViolation {
    policy: string;
    enforcementLevel: EnforcementLevel;
    message: string;
    /** The resource the violation is about (for stack policies, the urn they reported). */
    urn?: string;
}

export interface PackResult {
    violations: PackViolation[];
    /** Policies the SDK would have skipped with "can't run during preview" (should stay empty). */
    previewSkips: { policy: string; message: string }[];
    /** Per policy, the resources (resource policies) or "stack" it actually examined. */
    applied: Map<string, string[]>;
}

export async function runPack(resources: FixtureResource[], config: PolicyPackConfig = {}): Promise<PackResult> {
    const result: PackResult = { violations: [], previewSkips: [], applied: new Map() };
    for (const p of policies) {
        const configured = config[p.name];
        const level: EnforcementLevel = (typeof configured === "string" ? configured : configured?.enforcementLevel) ?? p.enforcementLevel ?? "advisory";
        if (level === "disabled") {
            continue;
        }
        const targets: (FixtureResource | FixtureResource[])[] = isStackPolicy(p) ? [resources] : resources;
        const applied: string[] = [];
        for (const t of targets) {
            try {
                const outcome = await check(p, t, config);
                if (outcome.notApplicable === undefined) {
                    applied.push(Array.isArray(t) ? "stack" : t.urn);
                }
                for (const v of outcome.violations) {
                    result.violations.push({ policy: p.name, enforcementLevel: level, message: v.message, urn: v.urn });
                }
            } catch (e) {
                if (e instanceof UnknownValueError) {
                    result.previewSkips.push({ policy: p.name, message: (e as Error).message });
                } else {
                    throw e;
                }
            }
        }
        result.applied.set(p.name, applied);
    }
    return result;
}
