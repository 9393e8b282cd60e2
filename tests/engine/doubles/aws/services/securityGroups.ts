// EC2 security groups (aws_security_group). Sources: TF internal/service/ec2/vpc_security_group.go
// (schema, create, delete); CreateSecurityGroup / DeleteSecurityGroup API reference.
import * as crypto from "crypto";
import type * as aws from "@pulumi/aws";
import { ApiError, conflicts, Ctx, known, spec } from "../contract";
import { T } from "../tokens";
import { arn, EC2_TEXT, newId, tagsAll, vpcOf } from "./common";
import { groupIdOf } from "./permissions";

/** @pulumi/aws replaces the Terraform default description (securityGroup.d.ts: "Defaults to `Managed by Pulumi`"). */
const DEFAULT_DESCRIPTION = "Managed by Pulumi";

function checkText(what: "GroupName" | "GroupDescription", v: string): void {
    if (!EC2_TEXT.test(v)) {
        // GUESS: message wording; the character rule is CreateSecurityGroup's.
        throw new ApiError(
            "InvalidParameterValue",
            `Value (${v}) for parameter ${what} is invalid. Valid characters are a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*`,
        );
    }
}

/** Who still uses a group: ENIs (endpoints, instances) and rules of OTHER groups that reference it. */
function usersOf(ctx: Ctx, id: string): string[] {
    const st = ctx.state;
    const refs = [T.ingressRule, T.egressRule].flatMap((t) =>
        st
            .ofType(t)
            .filter((r) => r.outputs.securityGroupId !== id && r.outputs.referencedSecurityGroupId && groupIdOf(r.outputs.referencedSecurityGroupId).id === id),
    );
    const enis = [
        ...st.ofType(T.vpcEndpoint).filter((e) => (e.outputs.securityGroupIds ?? []).includes(id)),
        ...st.ofType(T.instance).filter((i) => (i.outputs.vpcSecurityGroupIds ?? []).includes(id)),
        ...st.ofType(T.securityGroupAssociation).filter((a) => a.outputs.securityGroupId === id),
    ];
    return [...refs, ...enis].map((u) => u.id);
}

export function securityGroupSpec() {
    return spec<aws.ec2.SecurityGroupArgs, aws.ec2.SecurityGroupState>({
        what: "Security Group",
        createCall: "EC2: CreateSecurityGroup",
        forceNew: ["description", "name", "namePrefix", "vpcId"],
        filled: ["name", "namePrefix", "vpcId", "ingress", "egress", "revokeRulesOnDelete"],
        computed: ["arn", "ownerId", "tagsAll"],
        // The bridge autonames `name` (<resource name>-<7 random hex>) unless name or namePrefix is set.
        defaults: (i, c) => ({
            description: DEFAULT_DESCRIPTION,
            ...(i.name === undefined && i.namePrefix === undefined
                ? { name: `${c.name}-${crypto.createHash("sha256").update(c.seed).digest("hex").slice(0, 7)}` }
                : {}),
        }),
        schema: (i, f) => {
            conflicts(i, f, "SecurityGroup", "name", "name", [["namePrefix", "name_prefix"]]);
            for (const [prop, tf, max] of [
                ["name", "name", 255],
                ["namePrefix", "name_prefix", 255 - 26],
            ] as const) {
                const v = i[prop];
                if (known(v) && String(v).length > max) {
                    f.add(prop, `expected length of ${tf} to be in the range (0 - ${max}), got ${v}`);
                }
                if (known(v) && /^sg-/.test(String(v))) {
                    f.add(prop, `invalid value for ${tf} (cannot begin with sg-)`);
                }
            }
            if (known(i.description) && String(i.description).length > 255) {
                f.add("description", `expected length of description to be in the range (0 - 255), got ${i.description}`);
            }
        },
        service: (i, ctx, id) => {
            // No vpcId means the default VPC; the worlds have none (GUESS: the double models no default VPC).
            if (!i.vpcId) {
                throw new ApiError("VPCIdNotSpecified", "No default VPC for this user");
            }
            vpcOf(ctx, i.vpcId);
            checkText("GroupName", String(i.name ?? i.namePrefix ?? ""));
            checkText("GroupDescription", String(i.description ?? ""));
            const clash = ctx.state
                .at(T.securityGroup, ctx.at.account, ctx.at.region)
                .find((g) => g.id !== id && g.outputs.vpcId === i.vpcId && g.outputs.name === i.name);
            if (clash) {
                throw new ApiError("InvalidGroup.Duplicate", `The security group '${i.name}' already exists for VPC '${i.vpcId}'`);
            }
        },
        create: (i, ctx) => {
            const id = newId("sg");
            const name = i.name ?? `${i.namePrefix}${Date.now().toString().padStart(26, "0").slice(-26)}`;
            return {
                id,
                // TF revokes the default allow-all egress rule right after CreateSecurityGroup.
                outs: {
                    arn: arn(ctx.at, "ec2", `security-group/${id}`),
                    ownerId: ctx.at.account,
                    name,
                    ingress: i.ingress ?? [],
                    egress: i.egress ?? [],
                    tagsAll: tagsAll(ctx, i.tags),
                },
            };
        },
        update: (_id, olds, news, ctx) => ({
            outs: {
                arn: olds.arn,
                ownerId: olds.ownerId,
                name: olds.name,
                ingress: news.ingress ?? olds.ingress ?? [],
                egress: news.egress ?? olds.egress ?? [],
                tagsAll: tagsAll(ctx, news.tags),
            },
        }),
        beforeDelete: (live, ctx) => {
            const users = usersOf(ctx, live.id);
            if (users.length > 0) {
                // The provider retries this for its delete timeout (15 min) before failing.
                throw new ApiError("DependencyViolation", `resource ${live.id} has a dependent object (${users.join(", ")})`);
            }
        },
    });
}
