// The made-up AWS the double answers from: what exists before the program runs, per account and
// Region. Read from the JSON file DSPL_AWS_DOUBLE_WORLD. Test code; nothing here talks to a cloud.
//
// Two shapes, freely mixed:
// - the single-account shape (region, accountId and the collections at the top level) is the
//   world's DEFAULT account and Region, exactly as worlds were written before accounts existed;
// - `accounts[account].regions[region]` holds the same collections for any other account/Region.
import * as fs from "fs";

export interface EndpointInterfaceSpec {
    subnetId: string;
    privateIp: string;
}

/** Everything one account has in one Region. */
export interface RegionWorld {
    /** VPCs by ID: every IPv4 range (the first is the primary CIDR). */
    vpcs?: Record<string, { cidrBlocks: string[]; instanceTenancy?: string }>;
    /**
     * availableIpAddressCount: free addresses before this run (default: the CIDR's size less the 5 AWS
     * reserves); runningTasks: DataSync tasks running there, 4 network interfaces each.
     */
    subnets?: Record<string, { vpcId: string; availabilityZone: string; cidrBlock: string; availableIpAddressCount?: number; runningTasks?: number }>;
    securityGroups?: Record<string, { vpcId: string; name?: string; description?: string }>;
    vpcEndpoints?: Record<
        string,
        {
            vpcId: string;
            serviceName: string;
            privateDnsEnabled: boolean;
            securityGroupIds?: string[];
            state?: string;
            tags?: Record<string, string>;
            interfaces: Record<string, EndpointInterfaceSpec>;
        }
    >;
    /**
     * Transit gateways owned here. Only associationDefaultRouteTableId given (the old shape): the
     * propagation table is the same one. An empty or absent ID means that default is disabled.
     */
    transitGateways?: Record<
        string,
        {
            associationDefaultRouteTableId?: string;
            propagationDefaultRouteTableId?: string;
            autoAcceptSharedAttachments?: "enable" | "disable";
            /** Further route tables of the gateway. */
            routeTables?: string[];
            /** Old shape: the owner when it is not the account the gateway is listed under. */
            ownerId?: string;
        }
    >;
    /** VPC route tables: explicit subnet associations, main flag, and routes present before the run. */
    routeTables?: Record<string, { vpcId: string; main?: boolean; subnetIds?: string[]; routes?: Array<{ destinationCidrBlock: string; target: string }> }>;
    /** SSM parameters by name (e.g. the DataSync AMI parameters). */
    ssmParameters?: Record<string, string>;
    /** AMIs of this Region. An AMI named by one of the Region's SSM parameters exists as x86_64 unless listed. */
    amis?: Record<string, { architecture: "x86_64" | "arm64" }>;
    /** Managed prefix lists: a rule referencing one counts as maxEntries rules (AWS quota rule). */
    prefixLists?: Record<string, { maxEntries: number }>;
    /** Endpoint services beyond the built-in DataSync ones, with the zones that offer them. */
    endpointServices?: Record<string, { availabilityZones: string[] }>;
    /** Instance types offered per Availability Zone (default: every type the double knows, everywhere). */
    instanceTypeOfferings?: Record<string, string[]>;
}

export interface Organization {
    id: string;
    accounts: string[];
    /** "Enable sharing with AWS Organizations" in RAM: in-organization shares need no invitation. */
    ramSharingWithOrganization?: boolean;
}

export interface World extends RegionWorld {
    /** The default Region and account: a provider with no region/role/profile answers for them. */
    region: string;
    accountId: string;
    /** Named profiles (aws:profile / Provider.profile) and the account each signs in to. */
    profiles?: Record<string, string>;
    organizations?: Organization[];
    accounts?: Record<string, { regions: Record<string, RegionWorld> }>;
}

export function loadWorld(): World {
    const file = process.env.DSPL_AWS_DOUBLE_WORLD;
    if (!file) {
        throw new Error("aws test double: DSPL_AWS_DOUBLE_WORLD (the world JSON file) is not set");
    }
    return JSON.parse(fs.readFileSync(file, "utf8")) as World;
}

const COLLECTIONS = [
    "vpcs",
    "subnets",
    "securityGroups",
    "vpcEndpoints",
    "transitGateways",
    "routeTables",
    "ssmParameters",
    "amis",
    "prefixLists",
    "endpointServices",
    "instanceTypeOfferings",
] as const;

/** One account's Region as the world declares it (the top-level collections belong to the default pair). */
export function regionWorld(world: World, account: string, region: string): RegionWorld {
    const listed = world.accounts?.[account]?.regions?.[region] ?? {};
    if (account !== world.accountId || region !== world.region) {
        return listed;
    }
    const merged: RegionWorld = { ...listed };
    for (const k of COLLECTIONS) {
        if (world[k] !== undefined) {
            (merged as Record<string, unknown>)[k] = { ...(listed[k] ?? {}), ...world[k] };
        }
    }
    return merged;
}

/** Every (account, Region) pair the world mentions. */
export function places(world: World): Array<{ account: string; region: string }> {
    const out = [{ account: world.accountId, region: world.region }];
    for (const [account, a] of Object.entries(world.accounts ?? {})) {
        for (const region of Object.keys(a.regions ?? {})) {
            if (!out.some((p) => p.account === account && p.region === region)) {
                out.push({ account, region });
            }
        }
    }
    return out;
}

export function organizationOf(world: World, account: string): Organization | undefined {
    return world.organizations?.find((o) => o.accounts.includes(account));
}
