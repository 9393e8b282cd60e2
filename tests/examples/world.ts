// The AWS test double's world for the example projects (examples/*): what "already exists" before a
// user runs an example, in the accounts and Regions the three scenarios span. The double answers for
// it as AWS and the AWS provider would (docs/aws-double.md); it is never AWS.
//
// - destination: account ACCOUNT, eu-west-2 (the stack's `aws:region`): the endpoint's VPC with two
//   subnets, a route table associated with both, a transit gateway with its default route table;
// - on premises (onprem-existing): 192.168.0.0/16 behind a virtual private gateway, not in AWS;
// - source account (ec2-cross-account-peering): SOURCE_ACCOUNT, eu-west-2, a VPC for the agent;
// - source Region (ec2-cross-region-tgw): ACCOUNT, us-east-1, a VPC and its own transit gateway.
import type { World } from "../engine/doubles/aws";
import { ACCOUNT, AMI, AMI_PARAMETER, DST, OTHER_REGION, REGION, SOURCE_ACCOUNT, SRC } from "../fixtures/aws";

/** IDs of the us-east-1 network of the destination account (the cross-Region scenario's source). */
export const US = {
    vpc: "vpc-0e1500000000000a1",
    subnetA: "subnet-0e1500000000000a1",
    routeTable: "rtb-0e1500000000000a1",
    tgw: "tgw-0e1500000000000a1",
    tgwRouteTable: "tgw-rtb-0e1500000000000a1",
    ami: "ami-0e15000000000b001",
} as const;

/** The destination VPC's main route table (no subnet uses it: both are associated explicitly). */
export const DST_MAIN_ROUTE_TABLE = "rtb-0d5700000000000m1";
/** The on-premises side's virtual private gateway, the next hop of the on-premises routes. */
export const VGW = "vgw-0d5700000000000a1";

export const RANGES = {
    destination: "10.0.0.0/16",
    onPrem: "192.168.0.0/16",
    sourceAccount: "10.20.0.0/16",
    sourceRegion: "10.30.0.0/16",
} as const;

export function examplesWorld(): World {
    return {
        region: REGION,
        accountId: ACCOUNT,
        vpcs: { [DST.vpc]: { cidrBlocks: [RANGES.destination] } },
        subnets: {
            [DST.subnetA]: { vpcId: DST.vpc, availabilityZone: `${REGION}a`, cidrBlock: "10.0.1.0/24" },
            [DST.subnetB]: { vpcId: DST.vpc, availabilityZone: `${REGION}b`, cidrBlock: "10.0.2.0/24" },
        },
        routeTables: {
            [DST.routeTable]: { vpcId: DST.vpc, subnetIds: [DST.subnetA, DST.subnetB] },
            [DST_MAIN_ROUTE_TABLE]: { vpcId: DST.vpc, main: true },
        },
        transitGateways: { [DST.tgw]: { associationDefaultRouteTableId: DST.tgwRouteTable, propagationDefaultRouteTableId: DST.tgwRouteTable } },
        ssmParameters: { [AMI_PARAMETER.basic]: AMI.basic, [AMI_PARAMETER.enhanced]: AMI.enhanced },
        accounts: {
            [ACCOUNT]: {
                regions: {
                    [OTHER_REGION]: {
                        vpcs: { [US.vpc]: { cidrBlocks: [RANGES.sourceRegion] } },
                        subnets: { [US.subnetA]: { vpcId: US.vpc, availabilityZone: `${OTHER_REGION}a`, cidrBlock: "10.30.1.0/24" } },
                        routeTables: { [US.routeTable]: { vpcId: US.vpc, subnetIds: [US.subnetA] } },
                        transitGateways: { [US.tgw]: { associationDefaultRouteTableId: US.tgwRouteTable, propagationDefaultRouteTableId: US.tgwRouteTable } },
                        ssmParameters: { [AMI_PARAMETER.basic]: US.ami },
                    },
                },
            },
            [SOURCE_ACCOUNT]: {
                regions: {
                    [REGION]: {
                        vpcs: { [SRC.vpc]: { cidrBlocks: [RANGES.sourceAccount] } },
                        subnets: { [SRC.subnetA]: { vpcId: SRC.vpc, availabilityZone: `${REGION}a`, cidrBlock: "10.20.1.0/24" } },
                        routeTables: { [SRC.routeTable]: { vpcId: SRC.vpc, subnetIds: [SRC.subnetA] } },
                        ssmParameters: { [AMI_PARAMETER.basic]: AMI.basic },
                    },
                },
            },
        },
    };
}

/** "account/Region" of every ID the world holds, for placement checks. */
export function worldPlaces(world: World): Map<string, string> {
    const out = new Map<string, string>();
    const add = (place: string, region: Partial<World> | undefined) => {
        for (const collection of [region?.vpcs, region?.subnets, region?.routeTables, region?.transitGateways, region?.securityGroups]) {
            for (const id of Object.keys(collection ?? {})) {
                out.set(id, place);
            }
        }
        for (const tgw of Object.values(region?.transitGateways ?? {})) {
            for (const t of [tgw.associationDefaultRouteTableId, tgw.propagationDefaultRouteTableId, ...(tgw.routeTables ?? [])]) {
                if (t) {
                    out.set(t, place);
                }
            }
        }
    };
    add(`${world.accountId}/${world.region}`, world);
    for (const [account, a] of Object.entries(world.accounts ?? {})) {
        for (const [region, r] of Object.entries(a.regions)) {
            add(`${account}/${region}`, r);
        }
    }
    return out;
}
