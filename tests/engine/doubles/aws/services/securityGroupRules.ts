// Security group rules: aws.vpc.SecurityGroupIngressRule/EgressRule (TF
// internal/service/ec2/vpc_security_group_ingress_rule.go, shared schema securityGroupRuleResource)
// and the legacy aws.ec2.SecurityGroupRule (TF vpc_security_group_rule.go), both ending in
// AuthorizeSecurityGroupIngress/Egress.
import type * as aws from "@pulumi/aws";
import { ApiError, Ctx, Failures, given, known, required, spec } from "../contract";
import { networkCidr } from "../ip";
import { T } from "../tokens";
import { arn, groupOf, newId, tagsAll } from "./common";
import { authorize, fromLegacyRule, groupIdOf, normalProtocol, toPermission, validProtocol } from "./permissions";

const PEERS: Array<[string, string]> = [
    ["cidrIpv4", "cidr_ipv4"],
    ["cidrIpv6", "cidr_ipv6"],
    ["prefixListId", "prefix_list_id"],
    ["referencedSecurityGroupId", "referenced_security_group_id"],
];

function ruleSchema(i: any, f: Failures): void {
    required(i, f, ["securityGroupId", "security_group_id"], ["ipProtocol", "ip_protocol"]);
    // ConfigValidators: resourcevalidator.ExactlyOneOf(cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id).
    const set = PEERS.filter(([p]) => given(i[p]));
    if (set.length !== 1 && PEERS.every(([p]) => !given(i[p]) || known(i[p]))) {
        f.add(
            set[0]?.[0] ?? "cidrIpv4",
            `Invalid Attribute Combination: ${set.length === 0 ? "No attribute specified when one (and only one)" : `${set.length} attributes specified when one (and only one)`} of [cidr_ipv4,cidr_ipv6,prefix_list_id,referenced_security_group_id] is required`,
        );
    }
    if (known(i.cidrIpv4) && !networkCidr(i.cidrIpv4)) {
        f.add("cidrIpv4", `Attribute cidr_ipv4 must be a valid IPv4 CIDR network address, got: ${i.cidrIpv4}`);
    }
    for (const [p, tf] of [
        ["fromPort", "from_port"],
        ["toPort", "to_port"],
    ] as const) {
        if (known(i[p]) && (i[p] < -1 || i[p] > 65535)) {
            f.add(p, `Attribute ${tf} value must be between -1 and 65535, got: ${i[p]}`);
        }
    }
}

/**
 * What AuthorizeSecurityGroup* checks: the group exists here; the protocol and ports are valid; a
 * referenced group exists in this Region and is in the same VPC or a VPC peered with it (VPC peering
 * guide, "Update your security groups to reference peer security groups": same Region only); a
 * prefix list exists here.
 */
function ruleService(i: any, ctx: Ctx): void {
    const g = groupOf(ctx, i.securityGroupId);
    if (!validProtocol(i.ipProtocol)) {
        throw new ApiError("InvalidParameterValue", `Invalid value '${i.ipProtocol}' for IP protocol. Unknown protocol.`);
    }
    const proto = normalProtocol(i.ipProtocol);
    if ((proto === "tcp" || proto === "udp") && (!given(i.fromPort) || !given(i.toPort) || i.fromPort < 0 || i.fromPort > i.toPort)) {
        // GUESS: message wording.
        throw new ApiError("InvalidParameterValue", `Invalid TCP/UDP port range ${i.fromPort}-${i.toPort}`);
    }
    if (given(i.referencedSecurityGroupId)) {
        const ref = groupIdOf(i.referencedSecurityGroupId);
        const other = ctx.inv.groupInRegion(ctx.at.region, ref.id);
        if (!other || (ref.account !== undefined && ref.account !== other.account)) {
            throw new ApiError("InvalidGroup.NotFound", `The security group '${ref.id}' does not exist`);
        }
        if (other.vpcId !== g.vpcId && !peered(ctx, g.vpcId, other.vpcId)) {
            // GUESS: message wording (EC2's answer for a group of an unconnected VPC).
            throw new ApiError(
                "InvalidGroup.NotFound",
                `You have specified two resources that belong to different networks. (${ref.id} is in ${other.vpcId}, not peered with ${g.vpcId} in ${ctx.at.region})`,
            );
        }
    }
    if (given(i.prefixListId) && !ctx.inv.rw(ctx.at).prefixLists?.[i.prefixListId]) {
        throw new ApiError("InvalidPrefixListID.NotFound", `The prefix list ID '${i.prefixListId}' does not exist`);
    }
}

/** An active peering connection between two VPCs, both in this Region (inter-Region peering carries no group references). */
function peered(ctx: Ctx, a: string, b: string): boolean {
    const joins = (vpcs: string[], regions: string[]) => vpcs.includes(a) && vpcs.includes(b) && regions.every((r) => r === ctx.at.region);
    const accepted = ctx.state
        .ofType(T.vpcPeeringAccepter)
        .some((p) => p.internal.accepted === true && joins(p.internal.vpcs ?? [], [p.internal.requesterRegion, p.internal.accepterRegion]));
    const autoAccepted = ctx.state
        .ofType(T.vpcPeering)
        .some((p) => p.internal.accepted === true && joins([p.outputs.vpcId, p.outputs.peerVpcId], [p.region, p.outputs.peerRegion]));
    return accepted || autoAccepted;
}

function ruleSpec(direction: "ingress" | "egress") {
    return spec<aws.vpc.SecurityGroupIngressRuleArgs, aws.vpc.SecurityGroupIngressRuleState>({
        what: `VPC Security Group ${direction === "ingress" ? "Ingress" : "Egress"} Rule`,
        createCall: `EC2: AuthorizeSecurityGroup${direction === "ingress" ? "Ingress" : "Egress"}`,
        // security_group_id RequiresReplace; a change of the source's kind replaces too (ModifyPlan, see peerKindChange).
        forceNew: ["securityGroupId"],
        computed: ["arn", "securityGroupRuleId", "tagsAll"],
        replaceIf: peerKindChange,
        schema: ruleSchema,
        service: (i, ctx, id) => {
            ruleService(i, ctx);
            const p = toPermission(i, direction, ctx.urn)!;
            authorize(
                ctx.inv,
                ctx.at,
                [p].filter(() => id === undefined),
            );
        },
        create: (i, ctx) => {
            const id = newId("sgr");
            return {
                id,
                outs: {
                    arn: arn(ctx.at, "ec2", `security-group-rule/${id}`),
                    securityGroupRuleId: id,
                    ipProtocol: normalProtocol(i.ipProtocol),
                    tagsAll: tagsAll(ctx, i.tags),
                },
            };
        },
        update: (_id, olds, news, ctx) => ({
            outs: {
                arn: olds.arn,
                securityGroupRuleId: olds.securityGroupRuleId,
                ipProtocol: normalProtocol(news.ipProtocol),
                tagsAll: tagsAll(ctx, news.tags),
            },
        }),
    });
}

export const ingressRuleSpec = () => ruleSpec("ingress");
export const egressRuleSpec = () => ruleSpec("egress") as unknown as ReturnType<typeof ruleSpec>;

/** "When you modify a rule, you cannot change the rule's source type": ModifyPlan RequiresReplace. */
export function peerKindChange(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
    const kind = (o: Record<string, unknown>) => PEERS.find(([p]) => given(o[p]))?.[0];
    const a = kind(olds);
    const b = kind(news);
    return a !== undefined && b !== undefined && a !== b ? [a, b] : [];
}

/** aws_security_group_rule: every argument but description ForceNew (legacy schema v2). */
export function legacyRuleSpec() {
    return spec<aws.ec2.SecurityGroupRuleArgs, aws.ec2.SecurityGroupRuleState>({
        what: "Security Group Rule",
        createCall: "EC2: AuthorizeSecurityGroupIngress",
        forceNew: [
            "type",
            "fromPort",
            "toPort",
            "protocol",
            "securityGroupId",
            "cidrBlocks",
            "ipv6CidrBlocks",
            "prefixListIds",
            "self",
            "sourceSecurityGroupId",
        ],
        filled: ["sourceSecurityGroupId"],
        computed: ["securityGroupRuleId"],
        schema: (i, f) => {
            required(
                i,
                f,
                ["type", "type"],
                ["fromPort", "from_port"],
                ["toPort", "to_port"],
                ["protocol", "protocol"],
                ["securityGroupId", "security_group_id"],
            );
            if (known(i.type) && i.type !== "ingress" && i.type !== "egress") {
                f.add("type", `expected type to be one of ["egress" "ingress"], got ${i.type}`);
            }
        },
        service: (i, ctx, id) => {
            groupOf(ctx, i.securityGroupId);
            if (id === undefined) {
                authorize(ctx.inv, ctx.at, fromLegacyRule(i, ctx.urn));
            }
        },
        create: () => {
            const id = newId("sgr");
            return { id, outs: { securityGroupRuleId: id } };
        },
    });
}
