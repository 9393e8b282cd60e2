// Names, descriptions and tags as EC2 and DataSync accept them. Sources:
// - EC2 CreateSecurityGroup (API reference): GroupName and GroupDescription "Up to 255 characters in
//   length"; the name "Cannot start with sg-"; for a VPC group both take "a-z, A-Z, 0-9, spaces, and
//   ._-:/()#,@[]+=&;{}!$*". Rule descriptions (IpRange.Description) take the same set.
// - DataSync CreateAgent (API reference): AgentName matches ^[a-zA-Z0-9\s+=._:@/-]+$, length 0-256;
//   TagListEntry Key ^[a-zA-Z0-9\s+=._:/-]+$ (1-256), Value ^[a-zA-Z0-9\s+=._:@/-]+$ (0-256), at most
//   50 tags.
// - EC2 tagging rules (Tag your Amazon EC2 resources, "Tag restrictions"): key at most 128 characters,
//   value at most 256, at most 50 tags per resource, the aws: prefix reserved.
// One set of tags goes to EC2 resources and to the DataSync agent, so a tag must satisfy both.

const EC2_TEXT = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
const EC2_TEXT_MAX = 255;

/** Why EC2 would refuse this security group (or rule) description, or undefined. */
export function ec2DescriptionProblem(text: string): string | undefined {
    if (text.length > EC2_TEXT_MAX) {
        return `is ${text.length} characters long; EC2 takes at most ${EC2_TEXT_MAX}`;
    }
    return EC2_TEXT.test(text)
        ? undefined
        : "has characters EC2 does not take in a security group description (allowed: a-z A-Z 0-9 space and ._-:/()#,@[]+=&;{}!$*)";
}

/**
 * A security group name prefix EC2 accepts, derived from a Pulumi resource name: characters EC2
 * refuses become "-", a leading "sg-" (reserved for IDs) is avoided, and the length leaves room for
 * the provider's unique suffix (26 characters).
 */
export function securityGroupNamePrefix(resourceName: string): string {
    let base = resourceName.replace(/[^a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, "-");
    if (/^sg-/i.test(base)) {
        base = `group-${base}`;
    }
    return `${base.slice(0, EC2_TEXT_MAX - 26 - 1)}-`;
}

const AGENT_NAME = /^[a-zA-Z0-9\s+=._:@/-]+$/;
const AGENT_NAME_MAX = 256;

/** Why CreateAgent would refuse this agent name, or undefined. */
export function agentNameProblem(name: string): string | undefined {
    if (name.length === 0 || name.length > AGENT_NAME_MAX) {
        return `must be 1 to ${AGENT_NAME_MAX} characters (CreateAgent AgentName)`;
    }
    return AGENT_NAME.test(name) ? undefined : "may only contain letters, digits, spaces and + = . _ : @ / - (CreateAgent AgentName)";
}

const TAG_KEY = /^[a-zA-Z0-9\s+=._:/-]+$/;
const TAG_VALUE = /^[a-zA-Z0-9\s+=._:@/-]*$/;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
export const TAGS_MAX = 50;

/** Why EC2 or DataSync would refuse this tag key, or undefined. */
export function tagKeyProblem(key: string): string | undefined {
    if (key.toLowerCase().startsWith("aws:")) {
        return 'tag keys starting with "aws:" are reserved for AWS';
    }
    if (key.length === 0 || key.length > TAG_KEY_MAX) {
        return `tag keys are 1 to ${TAG_KEY_MAX} characters (EC2)`;
    }
    return TAG_KEY.test(key) ? undefined : "tag keys may only contain letters, digits, spaces and + = . _ : / - (DataSync TagListEntry)";
}

/** Why EC2 or DataSync would refuse this tag value, or undefined. */
export function tagValueProblem(value: string): string | undefined {
    if (value.length > TAG_VALUE_MAX) {
        return `tag values are at most ${TAG_VALUE_MAX} characters`;
    }
    return TAG_VALUE.test(value) ? undefined : "tag values may only contain letters, digits, spaces and + = . _ : @ / - (DataSync TagListEntry)";
}
