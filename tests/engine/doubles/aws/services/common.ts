// Lookups and ID minting the service files share. Each lookup fails with the service's NotFound
// error when the ID is not in the caller's account and Region, as EC2 does (an ID of another
// account or Region is "not found" there, never "forbidden").
import * as crypto from "crypto";
import { ApiError, Ctx } from "../contract";
import type { Endpoint, Group, Place, Subnet, Vpc } from "../inventory";
import { networkCidr, nth, size } from "../ip";
import type { Interface } from "../log";

export function hex(n: number): string {
    return crypto
        .randomBytes(Math.ceil(n / 2))
        .toString("hex")
        .slice(0, n);
}

/** EC2 resource IDs: a prefix and 17 hex digits. */
export function newId(prefix: string): string {
    return `${prefix}-${hex(17)}`;
}

export function arn(at: Place, service: string, resource: string): string {
    return `arn:aws:${service}:${at.region}:${at.account}:${resource}`;
}

export function tagsAll(ctx: Ctx, tags: unknown): Record<string, string> {
    return { ...ctx.provider.defaultTags, ...((tags as Record<string, string> | undefined) ?? {}) };
}

export function vpcOf(ctx: Ctx, id: string): Vpc {
    const v = ctx.inv.vpc(ctx.at, id);
    if (!v) {
        throw new ApiError("InvalidVpcID.NotFound", `The vpc ID '${id}' does not exist`);
    }
    return v;
}

export function subnetOf(ctx: Ctx, id: string): Subnet {
    const s = ctx.inv.subnet(ctx.at, id);
    if (!s) {
        throw new ApiError("InvalidSubnetID.NotFound", `The subnet ID '${id}' does not exist`);
    }
    return s;
}

export function groupOf(ctx: Ctx, id: string): Group {
    const g = ctx.inv.group(ctx.at, id);
    if (!g) {
        throw new ApiError("InvalidGroup.NotFound", `The security group '${id}' does not exist`);
    }
    return g;
}

export function endpointOf(ctx: Ctx, id: string): Endpoint {
    const e = ctx.inv.endpoint(ctx.at, id);
    if (!e) {
        throw new ApiError("InvalidVpcEndpointId.NotFound", `The Vpc Endpoint Id '${id}' does not exist`);
    }
    return e;
}

/**
 * Free addresses of a subnet: the world's count (default: the CIDR's size less the five AWS
 * reserves, VPC user guide "Subnet CIDR blocks"), less every network interface in it and four per
 * running DataSync task ("DataSync creates four network interfaces for each task", DataSync user
 * guide, "Network interfaces for DataSync transfers").
 */
export function freeAddresses(ctx: Ctx, s: Subnet): number {
    const r = networkCidr(s.cidrBlock);
    const base = s.baseFree ?? (r ? size(r) - 5 : 0);
    return base - ctx.inv.interfacesIn(s.id).length - 4 * s.runningTasks;
}

/** The next free address, from the first AWS hands out (the network address + 4). */
export function allocate(ctx: Ctx, s: Subnet, taken: Set<string>): string {
    if (freeAddresses(ctx, s) - taken.size <= 0) {
        throw new ApiError(
            "InsufficientFreeAddressesInSubnet",
            `There are not enough free addresses in subnet '${s.id}' to satisfy the requested number of instances.`,
        );
    }
    const r = networkCidr(s.cidrBlock)!;
    for (const i of ctx.inv.interfacesIn(s.id)) {
        taken.add(i.privateIp);
    }
    for (let off = 4; off < size(r) - 1; off++) {
        const ip = nth(r, off);
        if (!taken.has(ip)) {
            taken.add(ip);
            return ip;
        }
    }
    throw new ApiError("InsufficientFreeAddressesInSubnet", `There are not enough free addresses in subnet '${s.id}'.`);
}

export function eni(owner: string, subnetId: string, privateIp: string): Interface {
    return { id: newId("eni"), owner, subnetId, privateIp };
}

/**
 * EC2's character rule for VPC security group names and descriptions (CreateSecurityGroup API
 * reference, GroupName and GroupDescription: "a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*").
 */
export const EC2_TEXT = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
