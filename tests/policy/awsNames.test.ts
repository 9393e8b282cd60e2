import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { awsAcceptsNames } from "../../policy/policies";
import { check, single } from "./fixtures";

describe("policy 15: aws-names-and-descriptions", () => {
    it("passes names, tags and descriptions AWS accepts", async () => {
        const agent = await check(awsAcceptsNames, single(TYPES.datasyncAgent, { name: "site-a agent@eu/1", tags: { "team:storage": "ops@example.com" } }));
        assert.strictEqual(agent.notApplicable, undefined);
        assert.deepStrictEqual(agent.messages, []);
        const sg = await check(
            awsAcceptsNames,
            single(TYPES.securityGroup, { description: "DataSync endpoint: agents in on 443 and 1024-1064 (task ENIs too)" }),
        );
        assert.deepStrictEqual(sg.messages, []);
    });

    it("flags an agent name CreateAgent refuses, and bad tag keys and values", async () => {
        const o = await check(
            awsAcceptsNames,
            single(TYPES.datasyncAgent, { name: "agent #1", tags: { "owner@team": "x", "aws:created": "y", note: "a, b" } }, { name: "agent" }),
        );
        assert.deepStrictEqual(o.messages, [
            'aws.datasync.Agent "agent": name "agent #1" may only contain letters, digits, spaces and + = . _ : @ / - (CreateAgent AgentName); CreateAgent refuses it. Rename it within that character set.',
            'aws.datasync.Agent "agent": tag key "owner@team": tag keys may only contain letters, digits, spaces and + = . _ : / - (DataSync TagListEntry); CreateAgent refuses it. Rename it within that character set.',
            'aws.datasync.Agent "agent": tag key "aws:created": tag keys starting with "aws:" are reserved for AWS; CreateAgent refuses it. Rename it within that character set.',
            'aws.datasync.Agent "agent": tag "note" value "a, b": tag values may only contain letters, digits, spaces and + = . _ : @ / - (DataSync TagListEntry); CreateAgent refuses it. Rename it within that character set.',
        ]);
    });

    it("flags security group and rule descriptions outside EC2's character set", async () => {
        const sg = await check(awsAcceptsNames, single(TYPES.securityGroup, { description: "agent's group" }, { name: "agent-sg" }));
        assert.deepStrictEqual(sg.messages, [
            'aws.ec2.SecurityGroup "agent-sg": description "agent\'s group" has characters EC2 does not take in a security group description ' +
                "(allowed: a-z A-Z 0-9 space and ._-:/()#,@[]+=&;{}!$*). Reword it within EC2's character set.",
        ]);
        for (const type of [TYPES.securityGroupIngressRule, TYPES.securityGroupEgressRule, TYPES.securityGroupRule]) {
            const o = await check(awsAcceptsNames, single(type, { description: "agent → endpoint" }));
            assert.strictEqual(o.messages.length, 1, type);
        }
        const long = await check(awsAcceptsNames, single(TYPES.securityGroup, { description: "x".repeat(256) }, { name: "g" }));
        assert.match(long.messages[0], /is 256 characters long; EC2 takes at most 255/);
    });

    it("is not applicable to other resource types", async () => {
        const o = await check(awsAcceptsNames, single(TYPES.instance, { tags: { Name: "bad'name" } }));
        assert.match(o.notApplicable ?? "", /not a DataSync agent, security group or security group rule/);
    });
});
