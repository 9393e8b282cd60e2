// What one account sees in one Region: the world's pre-existing things plus what the double has
// created there. Every lookup is scoped by account and Region, as EC2's Describe* calls are; an ID
// that exists elsewhere is simply not found.
import { Interface } from "./log";
import { Live, State } from "./state";
import { T } from "./tokens";
import { organizationOf, regionWorld, RegionWorld, World } from "./world";

export interface Place {
    account: string;
    region: string;
}

export interface Vpc extends Place {
    id: string;
    cidrBlocks: string[];
    instanceTenancy: string;
}
export interface Subnet extends Place {
    id: string;
    vpcId: string;
    availabilityZone: string;
    cidrBlock: string;
    /** Free addresses before anything the double made (world count, or size - 5). */
    baseFree?: number;
    runningTasks: number;
}
export interface Group extends Place {
    id: string;
    vpcId: string;
    name: string;
    description: string;
}
export interface Endpoint extends Place {
    id: string;
    vpcId: string;
    serviceName: string;
    privateDnsEnabled: boolean;
    securityGroupIds: string[];
    state: string;
    vpcEndpointType: string;
    interfaces: Interface[];
    tags: Record<string, string>;
}
export interface Tgw extends Place {
    id: string;
    associationDefaultRouteTableId: string;
    propagationDefaultRouteTableId: string;
    autoAcceptSharedAttachments: "enable" | "disable";
    routeTables: string[];
}
export interface RouteTable extends Place {
    id: string;
    vpcId: string;
    main: boolean;
    subnetIds: string[];
    routes: Array<{ destinationCidrBlock: string; target: string }>;
}

export class Inventory {
    constructor(
        readonly world: World,
        readonly state: State,
    ) {}

    rw(p: Place): RegionWorld {
        return regionWorld(this.world, p.account, p.region);
    }

    private live(type: string, p: Place, id: string): Live | undefined {
        const l = this.state.get(type, id);
        return l && l.account === p.account && l.region === p.region ? l : undefined;
    }

    vpc(p: Place, id: string): Vpc | undefined {
        const w = this.rw(p).vpcs?.[id];
        if (w) {
            return { ...p, id, cidrBlocks: w.cidrBlocks, instanceTenancy: w.instanceTenancy ?? "default" };
        }
        const l = this.live(T.vpc, p, id);
        if (!l) {
            return undefined;
        }
        const extra = this.state.at(T.vpcCidr, p.account, p.region).filter((c) => c.outputs.vpcId === id);
        return {
            ...p,
            id,
            cidrBlocks: [l.outputs.cidrBlock, ...extra.map((c) => c.outputs.cidrBlock)],
            instanceTenancy: l.outputs.instanceTenancy ?? "default",
        };
    }

    subnet(p: Place, id: string): Subnet | undefined {
        const w = this.rw(p).subnets?.[id];
        if (w) {
            return {
                ...p,
                id,
                vpcId: w.vpcId,
                availabilityZone: w.availabilityZone,
                cidrBlock: w.cidrBlock,
                baseFree: w.availableIpAddressCount,
                runningTasks: w.runningTasks ?? 0,
            };
        }
        const l = this.live(T.subnet, p, id);
        return l
            ? { ...p, id, vpcId: l.outputs.vpcId, availabilityZone: l.outputs.availabilityZone, cidrBlock: l.outputs.cidrBlock, runningTasks: 0 }
            : undefined;
    }

    subnetsOfVpc(p: Place, vpcId: string): Subnet[] {
        const ids = [...Object.keys(this.rw(p).subnets ?? {}), ...this.state.at(T.subnet, p.account, p.region).map((l) => l.id)];
        return ids.map((id) => this.subnet(p, id)!).filter((s) => s.vpcId === vpcId);
    }

    group(p: Place, id: string): Group | undefined {
        const w = this.rw(p).securityGroups?.[id];
        if (w) {
            return { ...p, id, vpcId: w.vpcId, name: w.name ?? id, description: w.description ?? "" };
        }
        const l = this.live(T.securityGroup, p, id);
        return l ? { ...p, id, vpcId: l.outputs.vpcId, name: l.outputs.name, description: l.outputs.description } : undefined;
    }

    /** A security group by ID in any account of one Region (rules may reference peered groups). */
    groupInRegion(region: string, id: string): Group | undefined {
        const l = this.state.get(T.securityGroup, id);
        if (l && l.region === region) {
            return this.group(l, id);
        }
        for (const account of this.accounts()) {
            const g = this.group({ account, region }, id);
            if (g) {
                return g;
            }
        }
        return undefined;
    }

    /** Every Region the world names, in any account. */
    regionsOfWorld(): string[] {
        return [...new Set([this.world.region, ...Object.values(this.world.accounts ?? {}).flatMap((a) => Object.keys(a.regions ?? {}))])];
    }

    accounts(): string[] {
        return [...new Set([this.world.accountId, ...Object.keys(this.world.accounts ?? {})])];
    }

    endpoint(p: Place, id: string): Endpoint | undefined {
        const w = this.rw(p).vpcEndpoints?.[id];
        if (w) {
            const interfaces = Object.entries(w.interfaces).map(([eni, x]) => ({ id: eni, owner: id, ...x }));
            return {
                ...p,
                id,
                vpcId: w.vpcId,
                serviceName: w.serviceName,
                privateDnsEnabled: w.privateDnsEnabled,
                securityGroupIds: w.securityGroupIds ?? [],
                state: w.state ?? "available",
                vpcEndpointType: "Interface",
                interfaces,
                tags: w.tags ?? {},
            };
        }
        const l = this.live(T.vpcEndpoint, p, id);
        if (!l) {
            return undefined;
        }
        const o = l.outputs;
        return {
            ...p,
            id,
            vpcId: o.vpcId,
            serviceName: o.serviceName,
            privateDnsEnabled: o.privateDnsEnabled,
            securityGroupIds: o.securityGroupIds ?? [],
            state: o.state,
            vpcEndpointType: o.vpcEndpointType,
            interfaces: l.interfaces,
            tags: o.tags ?? {},
        };
    }

    endpointsOfVpc(p: Place, vpcId: string): Endpoint[] {
        const ids = [...Object.keys(this.rw(p).vpcEndpoints ?? {}), ...this.state.at(T.vpcEndpoint, p.account, p.region).map((l) => l.id)];
        return ids.map((id) => this.endpoint(p, id)!).filter((e) => e.vpcId === vpcId);
    }

    /** The network interfaces of the world's pre-existing endpoints, in every account and Region. */
    worldInterfaces(): Interface[] {
        return this.accounts().flatMap((account) =>
            [
                ...new Set([...Object.keys(this.world.accounts?.[account]?.regions ?? {}), ...(account === this.world.accountId ? [this.world.region] : [])]),
            ].flatMap((region) =>
                Object.entries(regionWorld(this.world, account, region).vpcEndpoints ?? {}).flatMap(([owner, e]) =>
                    Object.entries(e.interfaces).map(([id, x]) => ({ id, owner, ...x })),
                ),
            ),
        );
    }

    /** Every network interface in a subnet: the world's endpoints' and what the double made. */
    interfacesIn(subnetId: string): Interface[] {
        return [...this.worldInterfaces(), ...this.state.interfaces()].filter((i) => i.subnetId === subnetId);
    }

    /** A transit gateway its owner sees. */
    ownedTgw(p: Place, id: string): Tgw | undefined {
        const w = this.rw(p).transitGateways?.[id];
        if (w) {
            const account = w.ownerId ?? p.account;
            const assoc = w.associationDefaultRouteTableId ?? "";
            const prop = w.propagationDefaultRouteTableId ?? assoc;
            const tables = [...new Set([...(w.routeTables ?? []), assoc, prop].filter((t) => t !== ""))];
            return {
                account,
                region: p.region,
                id,
                associationDefaultRouteTableId: assoc,
                propagationDefaultRouteTableId: prop,
                autoAcceptSharedAttachments: w.autoAcceptSharedAttachments ?? "disable",
                routeTables: tables,
            };
        }
        const l = this.live(T.transitGateway, p, id);
        return l
            ? {
                  ...p,
                  id,
                  associationDefaultRouteTableId: l.outputs.associationDefaultRouteTableId ?? "",
                  propagationDefaultRouteTableId: l.outputs.propagationDefaultRouteTableId ?? "",
                  autoAcceptSharedAttachments: l.outputs.autoAcceptSharedAttachments ?? "disable",
                  routeTables: [l.outputs.associationDefaultRouteTableId].filter((t) => t),
              }
            : undefined;
    }

    /** Any transit gateway of one Region, whoever owns it. */
    tgwInRegion(region: string, id: string): Tgw | undefined {
        for (const account of this.accounts()) {
            const t = this.ownedTgw({ account, region }, id);
            if (t) {
                return t;
            }
        }
        return undefined;
    }

    /**
     * A transit gateway as an account sees it: its own, or one shared with it through AWS RAM in the
     * same Region (resource and principal associated, and the invitation accepted, or both accounts
     * in one Organization with RAM sharing with Organizations on; AWS RAM user guide, "Sharing your
     * AWS resources" / "Enable resource sharing within AWS Organizations").
     */
    visibleTgw(p: Place, id: string): Tgw | undefined {
        const t = this.tgwInRegion(p.region, id);
        if (!t) {
            return undefined;
        }
        if (t.account === p.account) {
            return t;
        }
        const arn = `arn:aws:ec2:${t.region}:${t.account}:transit-gateway/${id}`;
        return this.sharedWith(p.account, arn, t.account, t.region) ? t : undefined;
    }

    /** True when a RAM share of `owner` in `region` holding `resourceArn` is usable by `account`. */
    sharedWith(account: string, resourceArn: string, owner: string, region: string): boolean {
        const shares = this.state.at(T.ramShare, owner, region);
        return shares.some((s) => {
            const arn = s.outputs.arn;
            const hasResource = this.state
                .at(T.ramResourceAssociation, owner, region)
                .some((r) => r.outputs.resourceShareArn === arn && r.outputs.resourceArn === resourceArn);
            const hasPrincipal = this.state
                .at(T.ramPrincipalAssociation, owner, region)
                .some((r) => r.outputs.resourceShareArn === arn && r.outputs.principal === account);
            if (!hasResource || !hasPrincipal) {
                return false;
            }
            if (this.inOrgSharing(owner, account)) {
                return true;
            }
            return this.state.at(T.ramShareAccepter, account, region).some((a) => a.outputs.shareArn === arn);
        });
    }

    /** Both accounts in one Organization that has RAM sharing with Organizations turned on. */
    inOrgSharing(a: string, b: string): boolean {
        const org = organizationOf(this.world, a);
        return org !== undefined && org.ramSharingWithOrganization === true && org.accounts.includes(b);
    }

    routeTable(p: Place, id: string): RouteTable | undefined {
        const w = this.rw(p).routeTables?.[id];
        return w ? { ...p, id, vpcId: w.vpcId, main: w.main === true, subnetIds: w.subnetIds ?? [], routes: w.routes ?? [] } : undefined;
    }

    routeTables(p: Place): RouteTable[] {
        return Object.keys(this.rw(p).routeTables ?? {}).map((id) => this.routeTable(p, id)!);
    }
}
