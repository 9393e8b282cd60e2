// DataSync agents (aws_datasync_agent). Sources: TF internal/service/datasync/agent.go (schema:
// activation_key ConflictsWith private_link_endpoint and ip_address; ip_address and
// private_link_endpoint ConflictsWith activation_key; all three, security_group_arns, subnet_arns and
// vpc_endpoint_id ForceNew; name updatable; Create fetches a key only without activation_key, calls
// CreateAgent{ActivationKey, AgentName, SecurityGroupArns, SubnetArns, Tags, VpcEndpointId}, then
// Read; Read sets name and, from DescribeAgent's PrivateLinkConfig, private_link_endpoint,
// security_group_arns, subnet_arns, vpc_endpoint_id, and never activation_key); DataSync API
// reference CreateAgent (patterns, exactly one subnet and group ARN, "The VPC service endpoint you
// use must include the DataSync service name"); DataSync user guide "Choosing a service endpoint"
// ("Your service endpoint, VPC, and DataSync agent must belong to the same AWS account").
import type * as aws from "@pulumi/aws";
import { ApiError, conflicts, Ctx, given, spec } from "../contract";
import type { Endpoint } from "../inventory";
import type { Live } from "../state";
import { endpointOf, hex } from "./common";

const KEY = /^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$/;
const AGENT_NAME = /^[a-zA-Z0-9\s+=._:@/-]+$/;
const TAG_KEY = /^[a-zA-Z0-9\s+=._:/-]+$/;
const VPCE = /^vpce-[0-9a-f]{17}$/;
const SUBNET_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):ec2:([a-z\-0-9]*):([0-9]{12}):subnet\/(subnet-[a-f0-9]+)$/;
const GROUP_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):ec2:([a-z\-0-9]*):([0-9]{12}):security-group\/(sg-[a-f0-9]+)$/;

/** DataSync's validation message (the AWS wording echoes the value; the double never echoes a key). */
function invalid(field: string, constraint: string, value?: string): ApiError {
    return new ApiError(
        "InvalidRequestException",
        `1 validation error detected: Value ${value === undefined ? "(not shown)" : `'${value}'`} at '${field}' failed to satisfy constraint: ${constraint}`,
    );
}

function oneArn(ctx: Ctx, list: unknown, field: string, pattern: RegExp): RegExpExecArray {
    const l = (list ?? []) as string[];
    if (l.length !== 1) {
        throw invalid(field, "Member must have length less than or equal to 1 and greater than or equal to 1", JSON.stringify(l));
    }
    const m = pattern.exec(l[0]);
    if (!m) {
        throw invalid(`${field}.1.member`, `Member must satisfy regular expression pattern: ${pattern.source}`, l[0]);
    }
    if (m[2] !== ctx.at.region || m[3] !== ctx.at.account) {
        // GUESS: wording; the rule (same account and Region as the agent and endpoint) is the user guide's.
        throw new ApiError("InvalidRequestException", `${l[0]} is not in the agent's account ${ctx.at.account} and Region ${ctx.at.region}.`);
    }
    return m;
}

/** What DescribeAgent reports as the PrivateLink endpoint: GUESS, the endpoint's address in the agent's subnet (AWS reports the address the key was minted for). */
function endpointAddress(e: Endpoint | undefined, subnetArns: unknown): string {
    const subnet = SUBNET_ARN.exec(((subnetArns ?? []) as string[])[0] ?? "")?.[4];
    return (e?.interfaces.find((x) => x.subnetId === subnet) ?? e?.interfaces[0])?.privateIp ?? "";
}

function describe(ctx: Ctx, live: Live): Record<string, unknown> {
    const o = live.outputs;
    const e = o.vpcEndpointId ? ctx.inv.endpoint(live, o.vpcEndpointId) : undefined;
    return {
        name: o.name,
        privateLinkEndpoint: o.vpcEndpointId ? endpointAddress(e, o.subnetArns) : "",
        securityGroupArns: o.securityGroupArns ?? [],
        subnetArns: o.subnetArns ?? [],
        vpcEndpointId: o.vpcEndpointId ?? "",
    };
}

export function agentSpec() {
    return spec<aws.datasync.AgentArgs, aws.datasync.AgentState>({
        what: "DataSync Agent",
        createCall: "DataSync: CreateAgent",
        forceNew: ["activationKey", "ipAddress", "privateLinkEndpoint", "securityGroupArns", "subnetArns", "vpcEndpointId"],
        filled: ["activationKey", "ipAddress", "privateLinkEndpoint"],
        sets: ["securityGroupArns", "subnetArns"],
        computed: ["arn", "tagsAll"],
        schema: (i, f) => {
            conflicts(i, f, "Agent", "activationKey", "activation_key", [
                ["privateLinkEndpoint", "private_link_endpoint"],
                ["ipAddress", "ip_address"],
            ]);
            conflicts(i, f, "Agent", "ipAddress", "ip_address", [["activationKey", "activation_key"]]);
            conflicts(i, f, "Agent", "privateLinkEndpoint", "private_link_endpoint", [["activationKey", "activation_key"]]);
        },
        service: (i, ctx, id) => {
            if (id !== undefined) {
                return;
            }
            if (!given(i.activationKey)) {
                if (!given(i.ipAddress)) {
                    throw new ApiError("", "one of activation_key or ip_address is required");
                }
                // A double limitation, not AWS behaviour: the real provider would GET http://<ip_address>/ here.
                throw new ApiError("", "the aws test double never fetches activation keys over the network (ip_address); pass activation_key");
            }
            if (!KEY.test(String(i.activationKey))) {
                throw invalid(
                    "activationKey",
                    `Member must satisfy regular expression pattern: [A-Z0-9]{5}(-[A-Z0-9]{5}){4} (a key of ${String(i.activationKey).length} characters)`,
                );
            }
            if (ctx.state.usedKeys.has(String(i.activationKey))) {
                // GUESS: wording; keys are single-use (DataSync user guide, "Activating your agent").
                throw new ApiError("InvalidRequestException", "The activation key has already been used to activate an agent.");
            }
            if (given(i.name) && (!AGENT_NAME.test(String(i.name)) || String(i.name).length > 256)) {
                throw invalid("agentName", `Member must satisfy regular expression pattern: ${AGENT_NAME.source}`, String(i.name));
            }
            const tags = Object.keys((i.tags ?? {}) as object);
            if (tags.length > 50) {
                throw invalid("tags", "Member must have length less than or equal to 50", String(tags.length));
            }
            for (const k of tags) {
                if (!TAG_KEY.test(k)) {
                    throw invalid("tags.member.key", `Member must satisfy regular expression pattern: ${TAG_KEY.source}`, k);
                }
            }
            if (!given(i.vpcEndpointId)) {
                return;
            }
            if (!VPCE.test(String(i.vpcEndpointId))) {
                throw invalid("vpcEndpointId", `Member must satisfy regular expression pattern: ${VPCE.source}`, String(i.vpcEndpointId));
            }
            const e = endpointOf(ctx, String(i.vpcEndpointId));
            if (!/^com\.amazonaws\.[a-z0-9-]+\.datasync(-fips)?$/.test(e.serviceName) || !e.serviceName.includes(`.${ctx.at.region}.`)) {
                throw new ApiError(
                    "InvalidRequestException",
                    `VPC endpoint ${e.id} is not an endpoint of the DataSync service in ${ctx.at.region} (its service is ${e.serviceName}).`,
                );
            }
            const subnet = oneArn(ctx, i.subnetArns, "subnetArns", SUBNET_ARN)[4];
            const group = oneArn(ctx, i.securityGroupArns, "securityGroupArns", GROUP_ARN)[4];
            const s = ctx.inv.subnet(ctx.at, subnet);
            const g = ctx.inv.group(ctx.at, group);
            if (!s || s.vpcId !== e.vpcId) {
                // GUESS: wording, and that the subnet must be in the endpoint's VPC.
                throw new ApiError("InvalidRequestException", `Invalid subnet ${subnet}: not a subnet of the endpoint's VPC ${e.vpcId}.`);
            }
            if (!g || g.vpcId !== e.vpcId) {
                // GUESS: wording, and that the group must be in the endpoint's VPC.
                throw new ApiError("InvalidRequestException", `Invalid security group ${group}: not a group of the endpoint's VPC ${e.vpcId}.`);
            }
        },
        create: (i, ctx) => {
            const a = `arn:aws:datasync:${ctx.at.region}:${ctx.at.account}:agent/agent-${hex(17)}`;
            const e = i.vpcEndpointId ? ctx.inv.endpoint(ctx.at, String(i.vpcEndpointId)) : undefined;
            // Create ends with Read: the PrivateLink fields come back from DescribeAgent.
            return {
                id: a,
                outs: {
                    arn: a,
                    privateLinkEndpoint: e ? endpointAddress(e, i.subnetArns) : "",
                    securityGroupArns: i.securityGroupArns ?? [],
                    subnetArns: i.subnetArns ?? [],
                    vpcEndpointId: i.vpcEndpointId ?? "",
                    tagsAll: { ...ctx.provider.defaultTags, ...((i.tags as Record<string, string>) ?? {}) },
                },
            };
        },
        // UpdateAgent changes the name only; Read then reports the PrivateLink fields again.
        update: (_id, olds, news, ctx) => ({
            outs: {
                arn: olds.arn,
                privateLinkEndpoint: olds.privateLinkEndpoint,
                securityGroupArns: olds.securityGroupArns,
                subnetArns: olds.subnetArns,
                vpcEndpointId: olds.vpcEndpointId,
                tagsAll: { ...ctx.provider.defaultTags, ...((news.tags as Record<string, string>) ?? {}) },
            },
        }),
        // DescribeAgent never returns the key: the state's activationKey (props) stays as it was.
        read: (live, props, ctx) => ({ ...props, ...describe(ctx, live) }),
    });
}
