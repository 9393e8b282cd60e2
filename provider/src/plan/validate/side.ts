import type { AwsSide } from "../../args/side";
import { accountOfRoleArn, isAccountId, isRoleArn } from "../accounts";
import { Known, Unknown, val } from "../known";
import { at, Problems } from "../problems";
import { checkRegion } from "./common";

export type KnownSide = Known<AwsSide> | Unknown | undefined;

/** The side's account when it can be told before deployment. */
export function sideAccount(side: KnownSide): string | undefined {
    const s = val(side);
    if (!s) {
        return undefined;
    }
    const explicit = val(s.accountId);
    if (explicit !== undefined) {
        return explicit;
    }
    const role = val(s.roleArn);
    return role !== undefined ? accountOfRoleArn(role) : undefined;
}

export function sideRegion(side: KnownSide): string | undefined {
    const s = val(side);
    return s ? val(s.region) : undefined;
}

export function checkSide(p: Problems, path: string, side: KnownSide): void {
    const s = val(side);
    if (!s) {
        return;
    }
    checkRegion(p, at(path, "region"), s.region);
    const role = val(s.roleArn);
    if (role !== undefined && !isRoleArn(role)) {
        p.add(at(path, "roleArn"), role, "not an IAM role ARN", "use arn:aws:iam::<12-digit account>:role/<name>");
    }
    const account = val(s.accountId);
    if (account !== undefined && !isAccountId(account)) {
        p.add(at(path, "accountId"), account, "not a 12-digit AWS account ID", "give the account ID as 12 digits");
    }
    const roleAccount = role !== undefined ? accountOfRoleArn(role) : undefined;
    if (account !== undefined && roleAccount !== undefined && account !== roleAccount) {
        p.add(
            at(path, "accountId"),
            account,
            `the role ${role} belongs to account ${roleAccount}`,
            "make accountId match the role's account, or drop accountId",
        );
    }
}

/**
 * Two sides that name different accounts cannot both run on the stack's own credentials: one of
 * them must say how to reach its account (a role or a profile). Whether each side's credentials
 * really reach the account it names is checked at deployment, from STS.
 */
export function checkCrossAccountCredentials(p: Problems, path: string, side: KnownSide, other: KnownSide): void {
    const s = val(side);
    const o = val(other);
    if (!s || !o) {
        return;
    }
    const mine = sideAccount(side);
    const theirs = sideAccount(other);
    const credentials = (x: { roleArn?: unknown; profile?: unknown }) => x.roleArn !== undefined || x.profile !== undefined;
    if (mine !== undefined && theirs !== undefined && mine !== theirs && !credentials(s) && !credentials(o)) {
        p.add(
            at(path, "accountId"),
            mine,
            `this side and the other side (${theirs}) are different accounts, and neither has a roleArn or profile: both would use the stack's credentials`,
            `set ${path}.roleArn to a role in ${mine} that the deployer can assume, or ${path}.profile`,
        );
    }
}
