// plan/names.ts: names, descriptions and tags as EC2 and DataSync accept them. Sources: EC2
// CreateSecurityGroup (255 characters, "a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*", no
// leading sg-), DataSync CreateAgent AgentName and TagListEntry patterns, EC2 tag restrictions.
import * as assert from "assert";
import {
    agentNameProblem,
    ec2DescriptionProblem,
    securityGroupNamePrefix,
    tagKeyProblem,
    TAG_KEY_MAX,
    TAG_VALUE_MAX,
    TAGS_MAX,
    tagValueProblem,
} from "../../../provider/src/plan/names";

const EC2_CHARS = "has characters EC2 does not take in a security group description (allowed: a-z A-Z 0-9 space and ._-:/()#,@[]+=&;{}!$*)";

describe("plan/names", () => {
    describe("ec2DescriptionProblem", () => {
        const table: [string, string | undefined][] = [
            ["DataSync interface endpoint and task network interfaces: agents in on 443 and 1024-1064", undefined],
            ["all of ._-:/()#,@[]+=&;{}!$* are fine", undefined],
            ["", undefined],
            ["x".repeat(255), undefined],
            ["x".repeat(256), "is 256 characters long; EC2 takes at most 255"],
            ["agent's group", EC2_CHARS],
            ["a<b>", EC2_CHARS],
            ["tab\there", EC2_CHARS],
            ["naïve", EC2_CHARS],
            ["100%", EC2_CHARS],
        ];
        for (const [text, want] of table) {
            it(`${JSON.stringify(text.length > 40 ? `${text.slice(0, 20)}...(${text.length})` : text)} -> ${want ?? "ok"}`, () =>
                assert.strictEqual(ec2DescriptionProblem(text), want));
        }
    });

    describe("securityGroupNamePrefix", () => {
        const table: [string, string][] = [
            ["fleet-agents", "fleet-agents-"],
            ["my fleet (prod)", "my fleet (prod)-"],
            ["fleet~agents'x", "fleet-agents-x-"],
            ["sg-fleet", "group-sg-fleet-"],
            ["SG-fleet", "group-SG-fleet-"],
            ["sg~fleet", "group-sg-fleet-"],
            ["sgfleet", "sgfleet-"],
            ["", "-"],
        ];
        for (const [name, want] of table) {
            it(`${JSON.stringify(name)} -> ${JSON.stringify(want)}`, () => assert.strictEqual(securityGroupNamePrefix(name), want));
        }
        it("leaves room for the provider's 26-character unique suffix within EC2's 255", () => {
            const prefix = securityGroupNamePrefix("a".repeat(400));
            assert.strictEqual(prefix, `${"a".repeat(228)}-`);
            assert.strictEqual(prefix.length + 26, 255);
        });
    });

    describe("agentNameProblem", () => {
        const LEN = "must be 1 to 256 characters (CreateAgent AgentName)";
        const CHARS = "may only contain letters, digits, spaces and + = . _ : @ / - (CreateAgent AgentName)";
        const table: [string, string | undefined][] = [
            ["fleet-a", undefined],
            ["team@site/agent 1+=._:-", undefined],
            ["x".repeat(256), undefined],
            ["", LEN],
            ["x".repeat(257), LEN],
            ["agent#1", CHARS],
            ["agent,1", CHARS],
            ["agent(1)", CHARS],
        ];
        for (const [name, want] of table) {
            it(`${JSON.stringify(name.length > 40 ? `(${name.length} chars)` : name)} -> ${want ?? "ok"}`, () =>
                assert.strictEqual(agentNameProblem(name), want));
        }
    });

    describe("tags", () => {
        it("limits: keys 128, values 256, 50 tags", () => assert.deepStrictEqual([TAG_KEY_MAX, TAG_VALUE_MAX, TAGS_MAX], [128, 256, 50]));

        const KEY_CHARS = "tag keys may only contain letters, digits, spaces and + = . _ : / - (DataSync TagListEntry)";
        const keys: [string, string | undefined][] = [
            ["team", undefined],
            ["cost centre:a/b+c=d.e_f-g", undefined],
            ["k".repeat(128), undefined],
            ["aws:createdBy", 'tag keys starting with "aws:" are reserved for AWS'],
            ["AWS:x", 'tag keys starting with "aws:" are reserved for AWS'],
            ["awsome", undefined],
            ["", "tag keys are 1 to 128 characters (EC2)"],
            ["k".repeat(129), "tag keys are 1 to 128 characters (EC2)"],
            // DataSync's key pattern has no @, unlike its value pattern.
            ["owner@team", KEY_CHARS],
            ["a#b", KEY_CHARS],
        ];
        for (const [key, want] of keys) {
            it(`key ${JSON.stringify(key.length > 40 ? `(${key.length} chars)` : key)} -> ${want ?? "ok"}`, () => assert.strictEqual(tagKeyProblem(key), want));
        }

        const VALUE_CHARS = "tag values may only contain letters, digits, spaces and + = . _ : @ / - (DataSync TagListEntry)";
        const values: [string, string | undefined][] = [
            ["", undefined],
            ["owner@team.example", undefined],
            ["v".repeat(256), undefined],
            ["v".repeat(257), "tag values are at most 256 characters"],
            ["a#b", VALUE_CHARS],
            ["50%", VALUE_CHARS],
        ];
        for (const [value, want] of values) {
            it(`value ${JSON.stringify(value.length > 40 ? `(${value.length} chars)` : value)} -> ${want ?? "ok"}`, () =>
                assert.strictEqual(tagValueProblem(value), want));
        }
    });
});
