// AWS RAM: resource shares, their resource and principal associations, and the share accepter.
// Sources: TF internal/service/ram/resource_share.go (name Required; allow_external_principals
// Optional, default false; permission_arns ForceNew), resource_association.go and
// principal_association.go (both arguments Required ForceNew; principal is an account ID or an
// ARN), resource_share_accepter.go ("No pending RAM Resource Share (%s) invitation found ... NOTE: If
// both AWS accounts are in the same AWS Organization and RAM Sharing with AWS Organizations is
// enabled, this resource is not necessary"); TF docs ram_principal_association: in-organization
// principals get no invitation when sharing with Organizations is on, others get one to accept.
import * as crypto from "crypto";
import type * as aws from "@pulumi/aws";
import { ApiError, Ctx, known, required, spec } from "../contract";
import type { Live } from "../state";
import { T } from "../tokens";
import { arn, hex, tagsAll } from "./common";

function shareOf(ctx: Ctx, shareArn: string): Live {
    const s = ctx.state.ofType(T.ramShare).find((x) => x.outputs.arn === shareArn);
    // Only the owner manages a share's associations, in the share's Region.
    if (!s || s.account !== ctx.at.account || s.region !== ctx.at.region) {
        throw new ApiError("UnknownResourceException", `ResourceShare ${shareArn} could not be found.`);
    }
    return s;
}

/** A pending invitation for `account` to the share: principal associated, outside org sharing, not yet accepted. */
function pendingInvitation(ctx: Ctx, share: Live, account: string): boolean {
    const principal = ctx.state
        .ofType(T.ramPrincipalAssociation)
        .some((p) => p.outputs.resourceShareArn === share.outputs.arn && p.outputs.principal === account);
    const accepted = ctx.state.ofType(T.ramShareAccepter).some((a) => a.outputs.shareArn === share.outputs.arn && a.account === account);
    return principal && !accepted && !ctx.inv.inOrgSharing(share.account, account);
}

export function resourceShareSpec() {
    return spec<aws.ram.ResourceShareArgs, aws.ram.ResourceShareState>({
        what: "RAM Resource Share",
        createCall: "RAM: CreateResourceShare",
        forceNew: ["permissionArns", "resourceShareConfiguration"],
        filled: ["permissionArns"],
        computed: ["arn", "tagsAll"],
        // name is Required in TF; @pulumi/aws makes it optional and autonames it (ram/resourceShare.d.ts `name?`).
        defaults: (_i, c) => ({ allowExternalPrincipals: false, name: `${c.name}-${crypto.createHash("sha256").update(c.seed).digest("hex").slice(0, 7)}` }),
        schema: (i, f) => required(i, f, ["name", "name"]),
        create: (i, ctx) => {
            const a = arn(ctx.at, "ram", `resource-share/${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`);
            return { id: a, outs: { arn: a, allowExternalPrincipals: i.allowExternalPrincipals ?? false, tagsAll: tagsAll(ctx, i.tags) } };
        },
    });
}

export function resourceAssociationSpec() {
    return spec<aws.ram.ResourceAssociationArgs, aws.ram.ResourceAssociationState>({
        what: "RAM Resource Association",
        createCall: "RAM: AssociateResourceShare",
        forceNew: ["resourceArn", "resourceShareArn"],
        computed: [],
        schema: (i, f) => required(i, f, ["resourceArn", "resource_arn"], ["resourceShareArn", "resource_share_arn"]),
        service: (i, ctx) => {
            shareOf(ctx, i.resourceShareArn);
            // A resource is shared by its owner, from its own Region.
            const m = /^arn:aws:ec2:([^:]+):(\d{12}):transit-gateway\/(tgw-[0-9a-z]+)$/.exec(String(i.resourceArn));
            if (m && (m[1] !== ctx.at.region || m[2] !== ctx.at.account || !ctx.inv.ownedTgw(ctx.at, m[3]))) {
                throw new ApiError(
                    "UnknownResourceException",
                    `The resource ${i.resourceArn} does not exist or is not owned by ${ctx.at.account} in ${ctx.at.region}.`,
                );
            }
        },
        create: (i) => ({ id: `${i.resourceShareArn},${i.resourceArn}`, outs: {} }),
    });
}

export function principalAssociationSpec() {
    return spec<aws.ram.PrincipalAssociationArgs, aws.ram.PrincipalAssociationState>({
        what: "RAM Principal Association",
        createCall: "RAM: AssociateResourceShare",
        forceNew: ["principal", "resourceShareArn"],
        computed: [],
        schema: (i, f) => {
            required(i, f, ["principal", "principal"], ["resourceShareArn", "resource_share_arn"]);
            if (known(i.principal) && !/^\d{12}$/.test(String(i.principal)) && !/^arn:/.test(String(i.principal))) {
                f.add("principal", `invalid value for principal (must be a valid AWS account ID or ARN), got: ${i.principal}`);
            }
        },
        service: (i, ctx) => {
            const share = shareOf(ctx, i.resourceShareArn);
            const external =
                /^\d{12}$/.test(String(i.principal)) &&
                !ctx.inv.inOrgSharing(share.account, String(i.principal)) &&
                !sameOrg(ctx, share.account, String(i.principal));
            if (external && share.outputs.allowExternalPrincipals !== true) {
                // GUESS: wording (the association ends FAILED with this status message).
                throw new ApiError(
                    "OperationNotPermittedException",
                    `unexpected state 'FAILED', wanted target 'ASSOCIATED'. last error: The resource share ${share.outputs.arn} does not allow external principals (${i.principal} is outside the owner's organization).`,
                );
            }
        },
        create: (i) => ({ id: `${i.resourceShareArn},${i.principal}`, outs: {} }),
    });
}

function sameOrg(ctx: Ctx, a: string, b: string): boolean {
    return (ctx.inv.world.organizations ?? []).some((o) => o.accounts.includes(a) && o.accounts.includes(b));
}

export function shareAccepterSpec() {
    return spec<aws.ram.ResourceShareAccepterArgs, aws.ram.ResourceShareAccepterState>({
        what: "RAM Resource Share Accepter",
        createCall: "RAM: AcceptResourceShareInvitation",
        forceNew: ["shareArn"],
        computed: ["invitationArn", "receiverAccountId", "resources", "senderAccountId", "shareId", "shareName", "status"],
        schema: (i, f) => required(i, f, ["shareArn", "share_arn"]),
        service: (i, ctx) => {
            const share = ctx.state.ofType(T.ramShare).find((s) => s.outputs.arn === i.shareArn && s.region === ctx.at.region);
            if (!share || !pendingInvitation(ctx, share, ctx.at.account)) {
                throw new ApiError(
                    "",
                    `No pending RAM Resource Share (${i.shareArn}) invitation found\n\nNOTE: If both AWS accounts are in the same AWS Organization and RAM Sharing with AWS Organizations is enabled, this resource is not necessary`,
                );
            }
        },
        create: (i, ctx) => {
            const share = ctx.state.ofType(T.ramShare).find((s) => s.outputs.arn === i.shareArn)!;
            const resources = ctx.state
                .ofType(T.ramResourceAssociation)
                .filter((r) => r.outputs.resourceShareArn === i.shareArn)
                .map((r) => r.outputs.resourceArn);
            return {
                id: String(i.shareArn),
                outs: {
                    invitationArn: arn(share, "ram", `resource-share-invitation/${hex(8)}`),
                    receiverAccountId: ctx.at.account,
                    senderAccountId: share.account,
                    shareId: String(i.shareArn).split("/").pop(),
                    shareName: share.outputs.name,
                    status: "ACTIVE",
                    resources,
                },
            };
        },
    });
}
