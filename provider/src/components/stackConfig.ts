// The stack's `aws:` settings, read the way the default AWS provider reads them, so that a side
// provider the component must create (another account's role or profile) starts from the same
// credentials chain, default tags, endpoints and retry settings as everything else in the stack.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

type Kind = "string" | "secret" | "object";

// Every aws.ProviderArgs setting a side provider inherits. allowedAccountIds and forbiddenAccountIds
// are left out on purpose: they guard the stack's own account, and a side exists to reach another.
const SETTINGS: Record<string, Kind> = {
    accessKey: "secret",
    secretKey: "secret",
    token: "secret",
    profile: "string",
    region: "string",
    customCaBundle: "string",
    httpProxy: "string",
    httpsProxy: "string",
    noProxy: "string",
    retryMode: "string",
    stsRegion: "string",
    tagPolicyCompliance: "string",
    assumeRoles: "object",
    assumeRoleWithWebIdentity: "object",
    defaultTags: "object",
    endpoints: "object",
    ignoreTags: "object",
    sharedConfigFiles: "object",
    sharedCredentialsFiles: "object",
    userAgents: "object",
    insecure: "object",
    maxRetries: "object",
    skipCredentialsValidation: "object",
    skipMetadataApiCheck: "object",
    skipRegionValidation: "object",
    skipRequestingAccountId: "object",
    tokenBucketRateLimiterCapacity: "object",
    useDualstackEndpoint: "object",
    useFipsEndpoint: "object",
};

/** The stack's aws: configuration as provider arguments (only the keys that are set). */
export function inheritedProviderArgs(): aws.ProviderArgs & { assumeRoles?: aws.types.input.ProviderAssumeRole[] } {
    const config = new pulumi.Config("aws");
    const out: Record<string, unknown> = {};
    for (const [key, kind] of Object.entries(SETTINGS)) {
        const value = kind === "secret" ? config.getSecret(key) : kind === "object" ? config.getObject(key) : config.get(key);
        if (value !== undefined) {
            out[key] = value;
        }
    }
    return out as aws.ProviderArgs & { assumeRoles?: aws.types.input.ProviderAssumeRole[] };
}
