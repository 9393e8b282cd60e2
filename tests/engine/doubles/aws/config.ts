// Which account and Region one provider instance stands for, from the ConfigureRequest the engine
// sends it. Seen in a real run (pulumi v3.259.0, @pulumi/aws 7.48.0): the default provider gets
// the stack's aws:* config (e.g. {region, profile, version}); an explicit aws.Provider gets its
// arguments, object-valued ones JSON-encoded as strings (assumeRoles: "[{\"roleArn\":...}]",
// defaultTags: "{\"tags\":{...}}") and booleans as "true"/"false", both in `args` and as
// `aws:config:<key>` variables.
import type { World } from "./world";

export interface ProviderConfig {
    account: string;
    region: string;
    /** Provider default tags, merged under each resource's tags into tagsAll. */
    defaultTags: Record<string, string>;
    /** How the account was decided, for messages: "assumeRoles[1]", "profile prod", "world default". */
    via: string;
    urn?: string;
}

function decoded(v: unknown): unknown {
    if (typeof v !== "string") {
        return v;
    }
    const t = v.trim();
    if (t.startsWith("[") || t.startsWith("{")) {
        try {
            return JSON.parse(t);
        } catch {
            return v;
        }
    }
    return v;
}

/** The configuration as one flat object, whichever form the engine used. */
export function configValues(variables: Record<string, string>, args: Record<string, unknown> | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(variables)) {
        const m = /^aws:(?:config:)?(.+)$/.exec(k);
        if (m) {
            out[m[1]] = decoded(v);
        }
    }
    for (const [k, v] of Object.entries(args ?? {})) {
        out[k] = decoded(v);
    }
    return out;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/.+$/;

/**
 * The account: the last role of assumeRoles (the AWS provider assumes them in order, each from the
 * previous one's credentials: @pulumi/aws provider.d.ts "assumeRoles ... chain"), else the profile's
 * account from the world, else the world's default. An unknown profile fails as the AWS SDK does
 * when a shared config profile is missing.
 */
export function resolveConfig(world: World, values: Record<string, unknown>, urn?: string): ProviderConfig {
    const region = typeof values.region === "string" && values.region !== "" ? values.region : world.region;
    const defaultTags = ((values.defaultTags as { tags?: Record<string, string> } | undefined)?.tags ?? {}) as Record<string, string>;
    const roles = Array.isArray(values.assumeRoles) ? (values.assumeRoles as Array<{ roleArn?: string }>) : [];
    const single = values.assumeRole as { roleArn?: string } | undefined;
    const chain = roles.length > 0 ? roles : single?.roleArn ? [single] : [];
    let account = world.accountId;
    let via = "world default";
    if (typeof values.profile === "string" && values.profile !== "") {
        const a = world.profiles?.[values.profile];
        if (a === undefined) {
            throw new Error(`failed to get shared config profile, ${values.profile} (aws test double: the world's profiles do not list it)`);
        }
        account = a;
        via = `profile ${values.profile}`;
    }
    if (chain.length > 0) {
        const last = chain[chain.length - 1].roleArn ?? "";
        const m = ROLE_ARN.exec(last);
        if (!m) {
            throw new Error(`invalid assume role ARN ${JSON.stringify(last)}: expected arn:aws:iam::<account>:role/<name>`);
        }
        account = m[1];
        via = `assumeRoles[${chain.length - 1}]`;
    }
    const allowed = values.allowedAccountIds as string[] | undefined;
    if (Array.isArray(allowed) && allowed.length > 0 && !allowed.includes(account)) {
        throw new Error(`AWS account ID not allowed: ${account}`);
    }
    const forbidden = values.forbiddenAccountIds as string[] | undefined;
    if (Array.isArray(forbidden) && forbidden.includes(account)) {
        throw new Error(`AWS account ID not allowed: ${account}`);
    }
    return { account, region, defaultTags, via, urn };
}
