// A TEST DOUBLE of the `aws` resource provider. It is NOT AWS and NOT the Pulumi AWS provider, and
// it never opens a network connection: it serves, over the provider gRPC protocol, the few AWS
// resource types and functions the datasync-privatelink components use, against a made-up "world"
// read from a JSON file, so programs can run through the real Pulumi engine on a machine with no
// AWS account (the real pulumi-resource-aws cannot be built here; see /work/shared/toolchain.md).
//
// The engine launches it as the plugin `pulumi-resource-aws` (tests/engine/bin/pulumi-resource-aws
// on PATH: the engine uses a PATH plugin whatever version the SDK asks for). Environment:
//   DSPL_AWS_DOUBLE_WORLD  JSON file: region, account, VPCs, subnets, SSM parameters, ... (World below)
//   DSPL_AWS_DOUBLE_LOG    JSON-lines file; every create/update/delete the double performs is appended
//                          with its inputs (secrets as {"$secret": value}) and outputs. The log is also
//                          the double's memory of what is "live": each process replays it, so several
//                          provider instances (default and explicit providers) share one world.
//
// What it checks, like the service would: subnets/VPCs/groups exist, an interface endpoint has at
// most one subnet per AZ, CreateAgent gets a well-formed single-use activation key, a vpce- ID, one
// subnet ARN and one security group ARN, and a PrivateLink IP that belongs to that endpoint in that
// subnet; a security group still referenced cannot be deleted (DependencyViolation).
//
// Limits: the Node provider server does not hand provider configuration (region, assumeRoles) to
// the implementation, so every provider instance answers for the world's one region and account.
import * as crypto from "crypto";
import * as fs from "fs";
import * as provider from "@pulumi/pulumi/provider";
import { appendJsonLine, changedKeys, forLog, hasUnknown, isSecret, plain, readJsonLines, secret, urnName, urnType } from "./wire";

export const DOUBLE_VERSION = "0.0.1-test-double";

// ---- the world ------------------------------------------------------------------------------------

export interface World {
    region: string;
    accountId: string;
    /** VPCs by ID: every IPv4 range (the first is the primary CIDR). */
    vpcs: Record<string, { cidrBlocks: string[]; instanceTenancy?: string }>;
    subnets: Record<string, { vpcId: string; availabilityZone: string; cidrBlock: string; availableIpAddressCount?: number }>;
    /** SSM parameters by name (e.g. the DataSync AMI parameters). */
    ssmParameters?: Record<string, string>;
    /** Security groups that exist before the program runs. */
    securityGroups?: Record<string, { vpcId: string; name?: string }>;
    /** Interface endpoints that exist before the program runs. */
    vpcEndpoints?: Record<string, { vpcId: string; serviceName: string; privateDnsEnabled: boolean; interfaces: Record<string, { subnetId: string; privateIp: string }> }>;
    transitGateways?: Record<string, { associationDefaultRouteTableId: string; ownerId?: string }>;
}

function loadWorld(): World {
    const file = process.env.DSPL_AWS_DOUBLE_WORLD;
    if (!file) {
        throw new Error("aws test double: DSPL_AWS_DOUBLE_WORLD (the world JSON file) is not set");
    }
    return JSON.parse(fs.readFileSync(file, "utf8")) as World;
}

function logFile(): string {
    const file = process.env.DSPL_AWS_DOUBLE_LOG;
    if (!file) {
        throw new Error("aws test double: DSPL_AWS_DOUBLE_LOG (the operation log) is not set");
    }
    return file;
}

// ---- the log, and what is live --------------------------------------------------------------------

export interface Interface {
    id: string;
    subnetId: string;
    privateIp: string;
    /** What owns it: the endpoint or instance ID. */
    owner: string;
}

/** One line of DSPL_AWS_DOUBLE_LOG. */
export interface LogRecord {
    time: string;
    pid: number;
    op: "create" | "update" | "delete";
    type: string;
    urn: string;
    name: string;
    id: string;
    /** The inputs the engine sent (for delete: the last known state). */
    inputs: any;
    outputs?: any;
    /** update: the input keys that changed. */
    changed?: string[];
    /** Network interfaces the operation left in place (endpoints, instances). */
    interfaces?: Interface[];
}

interface Live {
    type: string;
    id: string;
    urn: string;
    outputs: any;
    interfaces: Interface[];
}

/** Undo forLog: {"$secret": v} -> v. */
function fromLog(v: any): any {
    if (Array.isArray(v)) {
        return v.map(fromLog);
    }
    if (v && typeof v === "object") {
        if (Object.keys(v).length === 1 && "$secret" in v) {
            return fromLog(v.$secret);
        }
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromLog(x)]));
    }
    return v;
}

class State {
    readonly live = new Map<string, Live>();
    readonly usedKeys = new Set<string>();

    constructor(records: LogRecord[]) {
        for (const r of records) {
            const key = `${r.type}|${r.id}`;
            if (r.op === "delete") {
                this.live.delete(key);
                continue;
            }
            this.live.set(key, { type: r.type, id: r.id, urn: r.urn, outputs: fromLog(r.outputs ?? {}), interfaces: r.interfaces ?? [] });
            if (r.op === "create" && r.type === AGENT) {
                const k = fromLog(r.inputs?.activationKey);
                if (typeof k === "string") {
                    this.usedKeys.add(k);
                }
            }
        }
    }

    get(type: string, id: string): Live | undefined {
        return this.live.get(`${type}|${id}`);
    }

    ofType(type: string): Live[] {
        return [...this.live.values()].filter((l) => l.type === type);
    }

    interfaces(): Interface[] {
        return [...this.live.values()].flatMap((l) => l.interfaces);
    }
}

// ---- small helpers --------------------------------------------------------------------------------

const AGENT = "aws:datasync/agent:Agent";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const INSTANCE = "aws:ec2/instance:Instance";
const PEERING = "aws:ec2/vpcPeeringConnection:VpcPeeringConnection";
const TGW_ATTACHMENT = "aws:ec2transitgateway/vpcAttachment:VpcAttachment";
const TGW_PEERING = "aws:ec2transitgateway/peeringAttachment:PeeringAttachment";

const KEY_FORMAT = /^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$/;

function hex(n: number): string {
    return crypto.randomBytes(Math.ceil(n / 2)).toString("hex").slice(0, n);
}

function known(v: unknown): boolean {
    return v !== undefined && v !== null && !hasUnknown(v);
}

function ipToInt(ip: string): number | undefined {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
    if (!m) {
        return undefined;
    }
    const parts = m.slice(1).map(Number);
    if (parts.some((p) => p > 255)) {
        return undefined;
    }
    return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

function intToIp(n: number): string {
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

function parseCidr(c: unknown): { base: number; size: number } | undefined {
    if (typeof c !== "string") {
        return undefined;
    }
    const [ip, bits] = c.split("/");
    const base = ipToInt(ip ?? "");
    const prefix = Number(bits);
    if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32 || bits === undefined) {
        return undefined;
    }
    const size = 2 ** (32 - prefix);
    if (base % size !== 0) {
        return undefined;
    }
    return { base, size };
}

type Failure = provider.CheckFailure;

class Failures {
    readonly list: Failure[] = [];
    add(property: string, reason: string): void {
        this.list.push({ property, reason });
    }
}

// ---- resource types -------------------------------------------------------------------------------

interface Ctx {
    world: World;
    state: State;
    urn: string;
}

interface Made {
    id: string;
    /** Computed outputs (merged over the inputs). */
    outs: Record<string, unknown>;
    interfaces?: Interface[];
}

interface Spec {
    /** Input properties whose change forces a replacement. */
    replaceOn: string[];
    /** Outputs that are not inputs (skipped in diffs unless the program sets them). */
    computed: string[];
    /** Checks known values only (unknowns are skipped: Check also runs during previews). */
    validate?(i: any, ctx: Ctx, f: Failures): void;
    create(i: any, ctx: Ctx): Made;
    /** Recomputes outputs on update; the default keeps the old computed outputs. */
    update?(id: string, olds: any, news: any, ctx: Ctx): Omit<Made, "id">;
    /** Refuses a delete the service would refuse. */
    beforeDelete?(id: string, ctx: Ctx): void;
}

function arn(ctx: Ctx, service: string, resource: string): string {
    return `arn:aws:${service}:${ctx.world.region}:${ctx.world.accountId}:${resource}`;
}

function securityGroupExists(ctx: Ctx, id: string): { vpcId: string } | undefined {
    const live = ctx.state.get(SG, id);
    if (live) {
        return { vpcId: live.outputs.vpcId };
    }
    return ctx.world.securityGroups?.[id];
}

function endpointInterfaces(ctx: Ctx, id: string): Interface[] | undefined {
    const live = ctx.state.get(ENDPOINT, id);
    if (live) {
        return live.interfaces;
    }
    const w = ctx.world.vpcEndpoints?.[id];
    return w ? Object.entries(w.interfaces).map(([eni, x]) => ({ id: eni, owner: id, ...x })) : undefined;
}

/** The next free address of a subnet, from .10 up (AWS keeps the first four and the last). */
function allocateIp(ctx: Ctx, subnetId: string, taken: Set<string>): string {
    const subnet = ctx.world.subnets[subnetId];
    const c = parseCidr(subnet?.cidrBlock);
    if (!subnet || !c) {
        throw new Error(`InvalidSubnetID.NotFound: the subnet ID '${subnetId}' does not exist (aws test double world)`);
    }
    for (const i of ctx.state.interfaces()) {
        taken.add(i.privateIp);
    }
    for (let off = 10; off < c.size - 1; off++) {
        const ip = intToIp(c.base + off);
        if (!taken.has(ip)) {
            taken.add(ip);
            return ip;
        }
    }
    throw new Error(`InsufficientFreeAddressesInSubnet: ${subnetId} (aws test double world)`);
}

function checkVpc(ctx: Ctx, f: Failures, property: string, vpcId: unknown): void {
    if (known(vpcId) && !ctx.world.vpcs[vpcId as string]) {
        f.add(property, `InvalidVpcID.NotFound: the vpc ID '${vpcId}' does not exist`);
    }
}

function checkSubnetsOfVpc(ctx: Ctx, f: Failures, property: string, subnetIds: unknown, vpcId: unknown): void {
    if (!known(subnetIds)) {
        return;
    }
    const zones = new Map<string, string>();
    (subnetIds as string[]).forEach((s, n) => {
        const subnet = ctx.world.subnets[s];
        if (!subnet) {
            f.add(`${property}[${n}]`, `InvalidSubnetID.NotFound: the subnet ID '${s}' does not exist`);
            return;
        }
        if (known(vpcId) && subnet.vpcId !== vpcId) {
            f.add(`${property}[${n}]`, `InvalidParameter: subnet ${s} is in ${subnet.vpcId}, not ${vpcId}`);
        }
        const other = zones.get(subnet.availabilityZone);
        if (other !== undefined) {
            f.add(`${property}[${n}]`, `DuplicateSubnetsInSameZone: ${s} and ${other} are both in ${subnet.availabilityZone}`);
        }
        zones.set(subnet.availabilityZone, s);
    });
}

function checkGroups(ctx: Ctx, f: Failures, property: string, ids: unknown): void {
    if (!known(ids)) {
        return;
    }
    (ids as string[]).forEach((g, n) => {
        if (known(g) && !securityGroupExists(ctx, g)) {
            f.add(`${property}[${n}]`, `InvalidGroup.NotFound: the security group '${g}' does not exist`);
        }
    });
}

function checkRule(i: any, ctx: Ctx, f: Failures): void {
    if (known(i.securityGroupId) && !securityGroupExists(ctx, i.securityGroupId)) {
        f.add("securityGroupId", `InvalidGroup.NotFound: the security group '${i.securityGroupId}' does not exist`);
    }
    const peers = ["cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId"].filter((k) => i[k] !== undefined && i[k] !== null);
    if (peers.length !== 1) {
        f.add("cidrIpv4", `exactly one of cidrIpv4, cidrIpv6, prefixListId, referencedSecurityGroupId is required (got ${peers.join(", ") || "none"})`);
    }
    if (known(i.cidrIpv4) && !parseCidr(i.cidrIpv4)) {
        f.add("cidrIpv4", `InvalidParameterValue: '${i.cidrIpv4}' is not a valid IPv4 CIDR`);
    }
    if (known(i.ipProtocol) && !["tcp", "udp", "icmp", "-1", "6", "17", "1"].includes(String(i.ipProtocol))) {
        f.add("ipProtocol", `InvalidParameterValue: protocol '${i.ipProtocol}'`);
    }
    if (["tcp", "udp", "6", "17"].includes(String(i.ipProtocol)) && known(i.fromPort) && known(i.toPort)) {
        const ok = (p: unknown) => Number.isInteger(p) && (p as number) >= 0 && (p as number) <= 65535;
        if (!ok(i.fromPort) || !ok(i.toPort) || i.fromPort > i.toPort) {
            f.add("fromPort", `InvalidParameterValue: port range ${i.fromPort}-${i.toPort}`);
        }
    }
}

const tagsAll = (i: any) => ({ tagsAll: i.tags ?? {} });

const rule: Spec = {
    replaceOn: ["securityGroupId"],
    computed: ["arn", "securityGroupRuleId", "tagsAll"],
    validate: checkRule,
    create: (i, ctx) => {
        const id = `sgr-${hex(17)}`;
        return { id, outs: { arn: arn(ctx, "ec2", `security-group-rule/${id}`), securityGroupRuleId: id, ...tagsAll(i) } };
    },
};

const SPECS: Record<string, Spec> = {
    [SG]: {
        replaceOn: ["vpcId", "name", "namePrefix", "description"],
        computed: ["arn", "ownerId", "name", "ingress", "egress", "tagsAll", "revokeRulesOnDelete"],
        validate: (i, ctx, f) => checkVpc(ctx, f, "vpcId", i.vpcId),
        create: (i, ctx) => {
            const id = `sg-${hex(17)}`;
            return {
                id,
                outs: {
                    arn: arn(ctx, "ec2", `security-group/${id}`),
                    ownerId: ctx.world.accountId,
                    name: i.name ?? `${urnName(ctx.urn)}-${hex(7)}`,
                    // Like the Terraform provider: no default egress rule is left behind.
                    ingress: i.ingress ?? [],
                    egress: i.egress ?? [],
                    ...tagsAll(i),
                },
            };
        },
        beforeDelete: (id, ctx) => {
            const users = [
                ...ctx.state.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"),
                ...ctx.state.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"),
            ]
                .filter((r) => r.outputs.securityGroupId === id || r.outputs.referencedSecurityGroupId === id)
                .concat(ctx.state.ofType(ENDPOINT).filter((e) => (e.outputs.securityGroupIds ?? []).includes(id)))
                .concat(ctx.state.ofType(INSTANCE).filter((e) => (e.outputs.vpcSecurityGroupIds ?? []).includes(id)));
            if (users.length > 0) {
                throw new Error(`DependencyViolation: resource ${id} has a dependent object (${users.map((u) => u.id).join(", ")})`);
            }
        },
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": rule,
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": rule,
    [ENDPOINT]: {
        replaceOn: ["vpcId", "serviceName", "vpcEndpointType"],
        computed: ["arn", "networkInterfaceIds", "dnsEntries", "ownerId", "state", "requesterManaged", "cidrBlocks", "prefixListId", "privateDnsEnabled", "tagsAll"],
        validate: (i, ctx, f) => {
            checkVpc(ctx, f, "vpcId", i.vpcId);
            if (known(i.serviceName) && !String(i.serviceName).startsWith(`com.amazonaws.${ctx.world.region}.`)) {
                f.add("serviceName", `InvalidServiceName: the Vpc Endpoint Service '${i.serviceName}' does not exist in ${ctx.world.region}`);
            }
            if ((i.vpcEndpointType ?? "Gateway") === "Interface") {
                if (known(i.subnetIds) && (i.subnetIds as unknown[]).length === 0) {
                    f.add("subnetIds", "an interface endpoint needs at least one subnet");
                }
                checkSubnetsOfVpc(ctx, f, "subnetIds", i.subnetIds, i.vpcId);
                checkGroups(ctx, f, "securityGroupIds", i.securityGroupIds);
            }
        },
        create: (i, ctx) => {
            const id = `vpce-${hex(17)}`;
            const interfaces = endpointEnis(id, i.subnetIds ?? [], [], ctx);
            return { id, interfaces, outs: endpointOuts(id, i, interfaces, ctx) };
        },
        update: (id, olds, news, ctx) => {
            const before = ctx.state.get(ENDPOINT, id)?.interfaces ?? [];
            const interfaces = endpointEnis(id, news.subnetIds ?? [], before, ctx);
            return { interfaces, outs: endpointOuts(id, news, interfaces, ctx) };
        },
    },
    [INSTANCE]: {
        replaceOn: ["ami", "subnetId", "keyName", "associatePublicIpAddress", "availabilityZone", "privateIp"],
        computed: ["arn", "privateIp", "privateDns", "publicIp", "availabilityZone", "instanceState", "primaryNetworkInterfaceId", "tagsAll"],
        validate: (i, ctx, f) => {
            if (known(i.subnetId) && !ctx.world.subnets[i.subnetId]) {
                f.add("subnetId", `InvalidSubnetID.NotFound: the subnet ID '${i.subnetId}' does not exist`);
            }
            if (known(i.ami) && !/^ami-[0-9a-z]+$/.test(i.ami)) {
                f.add("ami", `InvalidAMIID.Malformed: '${i.ami}'`);
            }
            checkGroups(ctx, f, "vpcSecurityGroupIds", i.vpcSecurityGroupIds);
        },
        create: (i, ctx) => {
            const id = `i-${hex(17)}`;
            const subnet = ctx.world.subnets[i.subnetId];
            const ip = allocateIp(ctx, i.subnetId, new Set());
            const eni = { id: `eni-${hex(17)}`, subnetId: i.subnetId, privateIp: ip, owner: id };
            return {
                id,
                interfaces: [eni],
                outs: {
                    arn: arn(ctx, "ec2", `instance/${id}`),
                    privateIp: ip,
                    privateDns: `ip-${ip.replace(/\./g, "-")}.${ctx.world.region}.compute.internal`,
                    publicIp: "",
                    availabilityZone: subnet.availabilityZone,
                    instanceState: "running",
                    primaryNetworkInterfaceId: eni.id,
                    ...tagsAll(i),
                },
            };
        },
        update: (id, olds, news, ctx) => ({ interfaces: ctx.state.get(INSTANCE, id)?.interfaces ?? [], outs: { ...pick(olds, SPECS[INSTANCE].computed), ...tagsAll(news) } }),
    },
    [AGENT]: {
        replaceOn: ["activationKey", "ipAddress", "privateLinkEndpoint", "securityGroupArns", "subnetArns", "vpcEndpointId"],
        computed: ["arn", "tagsAll"],
        validate: (i, ctx, f) => {
            if (i.ipAddress !== undefined && i.ipAddress !== null) {
                f.add("ipAddress", "the aws test double never fetches activation keys over the network; pass activationKey");
            }
            if (i.activationKey === undefined || i.activationKey === null) {
                f.add("activationKey", "InvalidRequestException: activationKey is required");
            } else if (known(i.activationKey) && !KEY_FORMAT.test(i.activationKey)) {
                // Never echo the value: it is a secret.
                f.add("activationKey", `InvalidRequestException: the activation key (${String(i.activationKey).length} characters) does not match ${KEY_FORMAT}`);
            }
            if (known(i.vpcEndpointId)) {
                if (!/^vpce-[0-9a-f]{17}$/.test(i.vpcEndpointId)) {
                    f.add("vpcEndpointId", `InvalidRequestException: '${i.vpcEndpointId}' does not match ^vpce-[0-9a-f]{17}$`);
                } else if (!endpointInterfaces(ctx, i.vpcEndpointId)) {
                    f.add("vpcEndpointId", `InvalidRequestException: VPC endpoint ${i.vpcEndpointId} is invalid`);
                }
            }
            const one = (k: string) => {
                if (known(i[k]) && (!Array.isArray(i[k]) || i[k].length !== 1)) {
                    f.add(k, `InvalidRequestException: ${k} takes exactly one ARN (got ${Array.isArray(i[k]) ? i[k].length : typeof i[k]})`);
                }
            };
            one("subnetArns");
            one("securityGroupArns");
            const subnetId = known(i.subnetArns) && i.subnetArns.length === 1 ? subnetOfArn(ctx, i.subnetArns[0]) : undefined;
            if (known(i.subnetArns) && i.subnetArns.length === 1 && !subnetId) {
                f.add("subnetArns[0]", `InvalidRequestException: Invalid EC2 subnet ${i.subnetArns[0]}`);
            }
            if (known(i.securityGroupArns) && i.securityGroupArns.length === 1) {
                const g = /^arn:aws:ec2:([^:]+):(\d{12}):security-group\/(sg-[0-9a-z]+)$/.exec(i.securityGroupArns[0]);
                if (!g || g[1] !== ctx.world.region || g[2] !== ctx.world.accountId || !securityGroupExists(ctx, g[3])) {
                    f.add("securityGroupArns[0]", `InvalidRequestException: Invalid EC2 security group ${i.securityGroupArns[0]}`);
                }
            }
            if (known(i.privateLinkEndpoint) && known(i.vpcEndpointId)) {
                const enis = endpointInterfaces(ctx, i.vpcEndpointId) ?? [];
                const eni = enis.find((e) => e.privateIp === i.privateLinkEndpoint);
                if (!eni) {
                    f.add("privateLinkEndpoint", `InvalidRequestException: ${i.privateLinkEndpoint} is not an address of ${i.vpcEndpointId}`);
                } else if (subnetId && eni.subnetId !== subnetId) {
                    f.add("privateLinkEndpoint", `InvalidRequestException: ${i.privateLinkEndpoint} is in ${eni.subnetId}, not in the agent's subnet ${subnetId}`);
                }
            }
        },
        create: (i, ctx) => {
            if (ctx.state.usedKeys.has(i.activationKey)) {
                throw new Error("InvalidRequestException: the activation key has already been used (keys are single-use)");
            }
            const a = arn(ctx, "datasync", `agent/agent-${hex(17)}`);
            return { id: a, outs: { arn: a, ...tagsAll(i) } };
        },
    },
    [PEERING]: {
        replaceOn: ["vpcId", "peerVpcId", "peerOwnerId", "peerRegion"],
        computed: ["acceptStatus", "accepter", "requester", "tagsAll"],
        validate: (i, ctx, f) => {
            checkVpc(ctx, f, "vpcId", i.vpcId);
            checkVpc(ctx, f, "peerVpcId", i.peerVpcId);
        },
        create: (i, ctx) => {
            const crossing = (i.peerOwnerId && i.peerOwnerId !== ctx.world.accountId) || (i.peerRegion && i.peerRegion !== ctx.world.region);
            return { id: `pcx-${hex(17)}`, outs: { acceptStatus: crossing || !i.autoAccept ? "pending-acceptance" : "active", ...tagsAll(i) } };
        },
    },
    "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter": {
        replaceOn: ["vpcPeeringConnectionId"],
        computed: ["acceptStatus", "vpcId", "peerVpcId", "peerOwnerId", "peerRegion", "accepter", "requester", "tagsAll"],
        validate: (i, ctx, f) => {
            if (known(i.vpcPeeringConnectionId) && !ctx.state.get(PEERING, i.vpcPeeringConnectionId)) {
                f.add("vpcPeeringConnectionId", `InvalidVpcPeeringConnectionID.NotFound: ${i.vpcPeeringConnectionId}`);
            }
        },
        create: (i, ctx) => {
            const p = ctx.state.get(PEERING, i.vpcPeeringConnectionId)!.outputs;
            return {
                id: i.vpcPeeringConnectionId,
                outs: { acceptStatus: "active", vpcId: p.vpcId, peerVpcId: p.peerVpcId, peerOwnerId: p.peerOwnerId ?? ctx.world.accountId, peerRegion: p.peerRegion ?? ctx.world.region, ...tagsAll(i) },
            };
        },
    },
    "aws:ec2/route:Route": {
        replaceOn: ["routeTableId", "destinationCidrBlock", "destinationIpv6CidrBlock", "destinationPrefixListId"],
        computed: ["state", "origin", "instanceId", "instanceOwnerId"],
        validate: (i, _ctx, f) => {
            if (known(i.destinationCidrBlock) && !parseCidr(i.destinationCidrBlock)) {
                f.add("destinationCidrBlock", `InvalidParameterValue: '${i.destinationCidrBlock}' is not a valid IPv4 CIDR`);
            }
            const targets = ["gatewayId", "transitGatewayId", "networkInterfaceId", "vpcPeeringConnectionId", "natGatewayId", "vpcEndpointId", "egressOnlyGatewayId", "carrierGatewayId", "localGatewayId", "coreNetworkArn"];
            if (!targets.some((t) => hasUnknown(i[t]))) {
                const set = targets.filter((t) => i[t] !== undefined && i[t] !== null && i[t] !== "");
                if (set.length !== 1) {
                    f.add("gatewayId", `exactly one route target is required (got ${set.join(", ") || "none"})`);
                }
            }
        },
        create: (i) => ({ id: `r-${i.routeTableId}${crypto.createHash("sha1").update(String(i.destinationCidrBlock)).digest("hex").slice(0, 10)}`, outs: { state: "active", origin: "CreateRoute" } }),
    },
    [TGW_ATTACHMENT]: {
        replaceOn: ["transitGatewayId", "vpcId"],
        computed: ["vpcOwnerId", "tagsAll"],
        validate: (i, ctx, f) => {
            if (known(i.transitGatewayId) && !ctx.world.transitGateways?.[i.transitGatewayId]) {
                f.add("transitGatewayId", `InvalidTransitGatewayID.NotFound: ${i.transitGatewayId}`);
            }
            checkVpc(ctx, f, "vpcId", i.vpcId);
            checkSubnetsOfVpc(ctx, f, "subnetIds", i.subnetIds, i.vpcId);
        },
        create: (i, ctx) => ({ id: `tgw-attach-${hex(17)}`, outs: { vpcOwnerId: ctx.world.accountId, ...tagsAll(i) } }),
    },
    "aws:ec2transitgateway/vpcAttachmentAccepter:VpcAttachmentAccepter": {
        replaceOn: ["transitGatewayAttachmentId"],
        computed: ["transitGatewayId", "vpcId", "subnetIds", "vpcOwnerId", "tagsAll"],
        validate: (i, ctx, f) => {
            if (known(i.transitGatewayAttachmentId) && !ctx.state.get(TGW_ATTACHMENT, i.transitGatewayAttachmentId)) {
                f.add("transitGatewayAttachmentId", `InvalidTransitGatewayAttachmentID.NotFound: ${i.transitGatewayAttachmentId}`);
            }
        },
        create: (i, ctx) => {
            const a = ctx.state.get(TGW_ATTACHMENT, i.transitGatewayAttachmentId)!.outputs;
            return { id: i.transitGatewayAttachmentId, outs: { transitGatewayId: a.transitGatewayId, vpcId: a.vpcId, subnetIds: a.subnetIds, vpcOwnerId: ctx.world.accountId, ...tagsAll(i) } };
        },
    },
    [TGW_PEERING]: {
        replaceOn: ["transitGatewayId", "peerTransitGatewayId", "peerRegion", "peerAccountId"],
        computed: ["state", "tagsAll"],
        validate: (i, ctx, f) => {
            for (const k of ["transitGatewayId", "peerTransitGatewayId"]) {
                if (known(i[k]) && !ctx.world.transitGateways?.[i[k]]) {
                    f.add(k, `InvalidTransitGatewayID.NotFound: ${i[k]}`);
                }
            }
        },
        create: (i) => ({ id: `tgw-attach-${hex(17)}`, outs: { state: "pendingAcceptance", ...tagsAll(i) } }),
    },
    "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter": {
        replaceOn: ["transitGatewayAttachmentId"],
        computed: ["transitGatewayId", "peerTransitGatewayId", "peerRegion", "peerAccountId", "tagsAll"],
        validate: (i, ctx, f) => {
            if (known(i.transitGatewayAttachmentId) && !ctx.state.get(TGW_PEERING, i.transitGatewayAttachmentId)) {
                f.add("transitGatewayAttachmentId", `InvalidTransitGatewayAttachmentID.NotFound: ${i.transitGatewayAttachmentId}`);
            }
        },
        create: (i, ctx) => {
            const p = ctx.state.get(TGW_PEERING, i.transitGatewayAttachmentId)!.outputs;
            return { id: i.transitGatewayAttachmentId, outs: { transitGatewayId: p.peerTransitGatewayId, peerTransitGatewayId: p.transitGatewayId, peerRegion: ctx.world.region, peerAccountId: ctx.world.accountId, ...tagsAll(i) } };
        },
    },
    "aws:ec2transitgateway/route:Route": {
        replaceOn: ["destinationCidrBlock", "transitGatewayAttachmentId", "transitGatewayRouteTableId", "blackhole"],
        computed: [],
        validate: (i, _ctx, f) => {
            if (known(i.destinationCidrBlock) && !parseCidr(i.destinationCidrBlock)) {
                f.add("destinationCidrBlock", `InvalidParameterValue: '${i.destinationCidrBlock}' is not a valid IPv4 CIDR`);
            }
        },
        create: (i) => ({ id: `${i.transitGatewayRouteTableId}_${i.destinationCidrBlock}`, outs: {} }),
    },
    "aws:ram/resourceShare:ResourceShare": {
        replaceOn: [],
        computed: ["arn", "tagsAll"],
        create: (i, ctx) => {
            const a = arn(ctx, "ram", `resource-share/${crypto.randomUUID()}`);
            return { id: a, outs: { arn: a, ...tagsAll(i) } };
        },
    },
    "aws:ram/resourceAssociation:ResourceAssociation": {
        replaceOn: ["resourceArn", "resourceShareArn"],
        computed: [],
        create: (i) => ({ id: `${i.resourceShareArn},${i.resourceArn}`, outs: {} }),
    },
    "aws:ram/principalAssociation:PrincipalAssociation": {
        replaceOn: ["principal", "resourceShareArn"],
        computed: [],
        create: (i) => ({ id: `${i.resourceShareArn},${i.principal}`, outs: {} }),
    },
    "aws:ram/resourceShareAccepter:ResourceShareAccepter": {
        replaceOn: ["shareArn"],
        computed: ["invitationArn", "shareId", "status", "receiverAccountId", "senderAccountId", "shareName", "resources"],
        create: (i, ctx) => ({
            id: i.shareArn,
            outs: { status: "ACTIVE", shareId: String(i.shareArn).split("/").pop(), receiverAccountId: ctx.world.accountId, senderAccountId: ctx.world.accountId, resources: [] },
        }),
    },
};

function pick(o: any, keys: string[]): Record<string, unknown> {
    return Object.fromEntries(keys.filter((k) => o && o[k] !== undefined).map((k) => [k, o[k]]));
}

function subnetOfArn(ctx: Ctx, a: unknown): string | undefined {
    const m = /^arn:aws:ec2:([^:]+):(\d{12}):subnet\/(subnet-[0-9a-z-]+)$/.exec(String(a));
    if (!m || m[1] !== ctx.world.region || m[2] !== ctx.world.accountId || !ctx.world.subnets[m[3]]) {
        return undefined;
    }
    return m[3];
}

function endpointEnis(id: string, subnetIds: string[], before: Interface[], ctx: Ctx): Interface[] {
    const taken = new Set(before.map((i) => i.privateIp));
    return subnetIds.map((s) => before.find((i) => i.subnetId === s) ?? { id: `eni-${hex(17)}`, subnetId: s, privateIp: allocateIp(ctx, s, taken), owner: id });
}

function endpointOuts(id: string, i: any, interfaces: Interface[], ctx: Ctx): Record<string, unknown> {
    const service = String(i.serviceName ?? "").split(".").pop();
    return {
        arn: arn(ctx, "ec2", `vpc-endpoint/${id}`),
        networkInterfaceIds: interfaces.map((x) => x.id),
        dnsEntries: [{ dnsName: `${id}-${hex(8)}.${service}.${ctx.world.region}.vpce.amazonaws.com`, hostedZoneId: "ZDOUBLE0000000" }],
        ownerId: ctx.world.accountId,
        state: "available",
        requesterManaged: false,
        cidrBlocks: [],
        prefixListId: "",
        privateDnsEnabled: i.privateDnsEnabled ?? false,
        ...tagsAll(i),
    };
}

// ---- invokes ---------------------------------------------------------------------------------------

function invoke(token: string, args: any, world: World, state: State): Record<string, unknown> {
    const region = world.region;
    const account = world.accountId;
    const need = (what: string, v: unknown) => {
        if (typeof v !== "string" || v === "") {
            throw new Error(`${token}: the aws test double looks ${what} up by id only (got ${JSON.stringify(args)})`);
        }
        return v;
    };
    switch (token) {
        case "aws:index/getRegion:getRegion": {
            const r = args.region ?? args.name ?? region;
            return { id: r, name: r, region: r, endpoint: `ec2.${r}.amazonaws.com`, description: `${r} (aws test double)` };
        }
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { id: account, accountId: account, arn: `arn:aws:sts::${account}:assumed-role/test-double/session`, userId: "AROATESTDOUBLE:session" };
        case "aws:ec2/getSubnet:getSubnet": {
            const id = need("subnets", args.id);
            const s = world.subnets[id];
            if (!s) {
                throw new Error(`InvalidSubnetID.NotFound: no matching EC2 Subnet found for ${id}`);
            }
            const used = state.interfaces().filter((i) => i.subnetId === id).length;
            return {
                id,
                arn: `arn:aws:ec2:${region}:${account}:subnet/${id}`,
                vpcId: s.vpcId,
                availabilityZone: s.availabilityZone,
                availabilityZoneId: `${region.replace(/-/g, "").slice(0, 5)}-az${s.availabilityZone.slice(-1)}`,
                cidrBlock: s.cidrBlock,
                availableIpAddressCount: (s.availableIpAddressCount ?? 250) - used,
                ownerId: account,
                state: "available",
                defaultForAz: false,
                mapPublicIpOnLaunch: false,
                tags: {},
            };
        }
        case "aws:ec2/getNetworkInterface:getNetworkInterface": {
            const id = need("network interfaces", args.id);
            const eni = state.interfaces().find((i) => i.id === id) ?? worldInterfaces(world).find((i) => i.id === id);
            if (!eni) {
                throw new Error(`InvalidNetworkInterfaceID.NotFound: the network interface '${id}' does not exist`);
            }
            const s = world.subnets[eni.subnetId];
            return {
                id,
                arn: `arn:aws:ec2:${region}:${account}:network-interface/${id}`,
                subnetId: eni.subnetId,
                vpcId: s?.vpcId,
                availabilityZone: s?.availabilityZone,
                privateIp: eni.privateIp,
                privateIps: [eni.privateIp],
                interfaceType: eni.owner.startsWith("vpce-") ? "vpc_endpoint" : "interface",
                ownerId: account,
                requesterId: account,
                tags: {},
            };
        }
        case "aws:ec2/getVpc:getVpc": {
            const id = need("VPCs", args.id);
            const v = world.vpcs[id];
            if (!v) {
                throw new Error(`InvalidVpcID.NotFound: no matching EC2 VPC found for ${id}`);
            }
            return {
                id,
                arn: `arn:aws:ec2:${region}:${account}:vpc/${id}`,
                cidrBlock: v.cidrBlocks[0],
                cidrBlockAssociations: v.cidrBlocks.map((c, n) => ({ associationId: `vpc-cidr-assoc-${id.slice(4)}${n}`, cidrBlock: c, state: "associated" })),
                instanceTenancy: v.instanceTenancy ?? "default",
                ownerId: account,
                state: "available",
                default: false,
                tags: {},
            };
        }
        case "aws:ssm/getParameter:getParameter": {
            const name = need("parameters", args.name);
            const value = world.ssmParameters?.[name];
            if (value === undefined) {
                throw new Error(`ParameterNotFound: ${name}`);
            }
            return { id: name, name, value, insecureValue: value, type: "String", version: 1, arn: `arn:aws:ssm:${region}:${account}:parameter${name}` };
        }
        case "aws:ec2/getSecurityGroup:getSecurityGroup": {
            const id = need("security groups", args.id);
            const live = state.get(SG, id);
            const g = live ? { vpcId: live.outputs.vpcId, name: live.outputs.name } : world.securityGroups?.[id];
            if (!g) {
                throw new Error(`InvalidGroup.NotFound: no matching SecurityGroup found for ${id}`);
            }
            return { id, arn: `arn:aws:ec2:${region}:${account}:security-group/${id}`, vpcId: g.vpcId, name: g.name ?? id, description: "", tags: {} };
        }
        case "aws:ec2/getVpcEndpoint:getVpcEndpoint": {
            const id = need("VPC endpoints", args.id);
            const live = state.get(ENDPOINT, id);
            const w = world.vpcEndpoints?.[id];
            if (!live && !w) {
                throw new Error(`InvalidVpcEndpointId.NotFound: no matching VPC Endpoint found for ${id}`);
            }
            const o = live
                ? { vpcId: live.outputs.vpcId, serviceName: live.outputs.serviceName, privateDnsEnabled: live.outputs.privateDnsEnabled, enis: live.interfaces }
                : { vpcId: w!.vpcId, serviceName: w!.serviceName, privateDnsEnabled: w!.privateDnsEnabled, enis: Object.entries(w!.interfaces).map(([eni, x]) => ({ id: eni, ...x })) };
            return {
                id,
                arn: `arn:aws:ec2:${region}:${account}:vpc-endpoint/${id}`,
                vpcId: o.vpcId,
                serviceName: o.serviceName,
                privateDnsEnabled: o.privateDnsEnabled,
                networkInterfaceIds: o.enis.map((e) => e.id),
                subnetIds: o.enis.map((e) => e.subnetId),
                vpcEndpointType: "Interface",
                state: "available",
                ownerId: account,
                tags: {},
            };
        }
        case "aws:ec2transitgateway/getTransitGateway:getTransitGateway": {
            const id = need("transit gateways", args.id);
            const t = world.transitGateways?.[id];
            if (!t) {
                throw new Error(`InvalidTransitGatewayID.NotFound: ${id}`);
            }
            return {
                id,
                arn: `arn:aws:ec2:${region}:${t.ownerId ?? account}:transit-gateway/${id}`,
                ownerId: t.ownerId ?? account,
                associationDefaultRouteTableId: t.associationDefaultRouteTableId,
                propagationDefaultRouteTableId: t.associationDefaultRouteTableId,
                autoAcceptSharedAttachments: "disable",
                tags: {},
            };
        }
        default:
            throw new Error(`the aws test double does not implement the function ${token}`);
    }
}

function worldInterfaces(world: World): Interface[] {
    return Object.entries(world.vpcEndpoints ?? {}).flatMap(([owner, e]) => Object.entries(e.interfaces).map(([id, x]) => ({ id, owner, ...x })));
}

// ---- the provider ----------------------------------------------------------------------------------

function specOf(urn: string): Spec {
    const type = urnType(urn);
    const spec = SPECS[type];
    if (!spec) {
        throw new Error(`the aws test double does not implement the resource type ${type}`);
    }
    return spec;
}

function failuresText(type: string, list: Failure[]): string {
    return `${type} (aws test double): ${list.map((f) => `${f.property}: ${f.reason}`).join("; ")}`;
}

export class AwsDouble implements provider.Provider {
    readonly version = DOUBLE_VERSION;
    private readonly world = loadWorld();
    private readonly log = logFile();

    private ctx(urn: string): Ctx {
        return { world: this.world, state: new State(readJsonLines<LogRecord>(this.log)), urn };
    }

    private record(op: LogRecord["op"], urn: string, id: string, inputs: unknown, extra: Partial<LogRecord> = {}): void {
        const rec: LogRecord = { time: new Date().toISOString(), pid: process.pid, op, type: urnType(urn), urn, name: urnName(urn), id, inputs: forLog(inputs), ...extra };
        appendJsonLine(this.log, rec as unknown as Record<string, unknown>);
    }

    async check(urn: string, _olds: any, news: any): Promise<provider.CheckResult> {
        const type = urnType(urn);
        const spec = SPECS[type];
        if (!spec) {
            return { inputs: news, failures: [{ property: "", reason: `the aws test double does not implement the resource type ${type}` }] };
        }
        const f = new Failures();
        spec.validate?.(plain(news), this.ctx(urn), f);
        return { inputs: news, failures: f.list };
    }

    async diff(_id: string, urn: string, olds: any, news: any): Promise<provider.DiffResult> {
        const spec = specOf(urn);
        const computed = new Set(spec.computed);
        const keys = new Set([...Object.keys(news), ...Object.keys(olds).filter((k) => !computed.has(k) && k !== "id")]);
        const changed = changedKeys(olds, news, keys);
        const replaces = changed.filter((k) => spec.replaceOn.includes(k));
        return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
    }

    async create(urn: string, inputs: any): Promise<provider.CreateResult> {
        const spec = specOf(urn);
        const ctx = this.ctx(urn);
        const i = plain(inputs);
        const f = new Failures();
        spec.validate?.(i, ctx, f);
        if (f.list.length > 0) {
            throw new Error(failuresText(urnType(urn), f.list));
        }
        const made = spec.create(i, ctx);
        // Outputs carry the inputs as received (so secret inputs stay secret) plus what was computed.
        const outs = { ...inputs, ...made.outs };
        if (urnType(urn) === AGENT && !isSecret(inputs.activationKey)) {
            // The real provider marks it sensitive; keep it secret whatever the caller did.
            outs.activationKey = secret(i.activationKey);
        }
        this.record("create", urn, made.id, inputs, { outputs: forLog(outs), interfaces: made.interfaces });
        return { id: made.id, outs };
    }

    async read(id: string, urn: string, props?: any): Promise<provider.ReadResult> {
        const live = this.ctx(urn).state.get(urnType(urn), id);
        if (!live) {
            return { id: "", props: {} };
        }
        return { id, props: { ...live.outputs, ...(props?.activationKey !== undefined ? { activationKey: props.activationKey } : {}) } };
    }

    async update(id: string, urn: string, olds: any, news: any): Promise<provider.UpdateResult> {
        const spec = specOf(urn);
        const ctx = this.ctx(urn);
        const i = plain(news);
        const f = new Failures();
        spec.validate?.(i, ctx, f);
        if (f.list.length > 0) {
            throw new Error(failuresText(urnType(urn), f.list));
        }
        const computed = new Set(spec.computed);
        const keys = new Set([...Object.keys(news), ...Object.keys(olds).filter((k) => !computed.has(k) && k !== "id")]);
        const changed = changedKeys(olds, news, keys);
        const made: Omit<Made, "id"> = spec.update ? spec.update(id, plain(olds), i, ctx) : { outs: { ...pick(olds, spec.computed), ...tagsAll(i) } };
        const outs = { ...news, ...made.outs };
        this.record("update", urn, id, news, { outputs: forLog(outs), changed, interfaces: made.interfaces ?? ctx.state.get(urnType(urn), id)?.interfaces });
        return { outs };
    }

    async delete(id: string, urn: string, props: any): Promise<void> {
        const spec = specOf(urn);
        spec.beforeDelete?.(id, this.ctx(urn));
        this.record("delete", urn, id, props);
    }

    async invoke(token: string, inputs: any): Promise<provider.InvokeResult> {
        return { outputs: invoke(token, plain(inputs), this.world, this.ctx("").state) };
    }
}

if (require.main === module) {
    provider.main(new AwsDouble(), process.argv.slice(2)).catch((err) => {
        console.error(`aws test double: ${err instanceof Error ? err.stack : err}`);
        process.exit(1);
    });
}
