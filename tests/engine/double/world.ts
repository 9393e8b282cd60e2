// The world the AWS double's own tests run against: three accounts (two in one Organization with
// RAM sharing on, one outside), two Regions, and just enough network in each to hit every rule.
import * as aws from "@pulumi/aws";
import type { World } from "../doubles/aws";
import { ACCOUNT, AMI, AMI_PARAMETER, DST, OTHER_REGION, OUTSIDE_ACCOUNT, REGION, SOURCE_ACCOUNT, SRC } from "../../fixtures/aws";

/** IDs of this world beyond the shared fixture's. */
export const W = {
    /** A second VPC of the default account and Region (groups of other VPCs). */
    vpc2: "vpc-0d5700000000000a2",
    /** A VPC whose range overlaps the destination VPC's. */
    vpcOverlap: "vpc-0d5700000000000a4",
    subnet2: "subnet-0d5700000000000c1",
    subnetA2: "subnet-0d5700000000000a3",
    /** A /28 with no free address left. */
    subnetFull: "subnet-0d5700000000000f1",
    /** A subnet where two DataSync tasks run (eight interfaces). */
    subnetTasks: "subnet-0d5700000000000d1",
    /** A VPC that already has 50 interface endpoints. */
    vpcCrowded: "vpc-0d570000000000c00",
    subnetCrowded: "subnet-0d5700000000c00a",
    group: "sg-0d570000000000a01",
    group2: "sg-0d570000000000a02",
    mainRouteTable: "rtb-0d5700000000000e1",
    fullRouteTable: "rtb-0d5700000000000f1",
    prefixList: "pl-0d570000000000001",
    tgwNoDefaults: "tgw-0d5700000000000b2",
    tgwAutoAccept: "tgw-0d5700000000000c3",
    tgwNoDefaultsTable: "tgw-rtb-0d57000000000b2",
    /** Default-account us-east-1 network. */
    usVpc: "vpc-0e1500000000000a1",
    usSubnet: "subnet-0e1500000000000a1",
    usAmi: "ami-0e15000000000b001",
    /** Source account: a group in the source VPC; a us-east-1 VPC. */
    srcGroup: "sg-05c0000000000a001",
    srcUsVpc: "vpc-05c0000000000e001",
    srcUsSubnet: "subnet-05c0000000000e001",
    srcUsRouteTable: "rtb-05c0000000000e001",
    srcUsAmi: "ami-05c0000000000e001",
    /** The account outside every Organization. */
    outVpc: "vpc-0c3300000000000a1",
    outSubnet: "subnet-0c3300000000000a1",
    /** A service offered in one zone only. */
    oneZoneService: `com.amazonaws.${REGION}.onezone`,
} as const;

export const INSTANCE_TYPE = "m5.2xlarge";

function crowdedEndpoints(): NonNullable<World["vpcEndpoints"]> {
    return Object.fromEntries(
        Array.from({ length: 50 }, (_, n) => [
            `vpce-0c0000000000000${String(n).padStart(2, "0")}`,
            { vpcId: W.vpcCrowded, serviceName: `com.amazonaws.${REGION}.datasync`, privateDnsEnabled: false, interfaces: {} },
        ]),
    );
}

export function labWorld(): World {
    return {
        region: REGION,
        accountId: ACCOUNT,
        profiles: { source: SOURCE_ACCOUNT, outside: OUTSIDE_ACCOUNT },
        organizations: [{ id: "o-lab0000001", accounts: [ACCOUNT, SOURCE_ACCOUNT], ramSharingWithOrganization: true }],
        vpcs: {
            [DST.vpc]: { cidrBlocks: ["10.0.0.0/16", "10.10.0.0/16"] },
            [W.vpc2]: { cidrBlocks: ["10.1.0.0/16"] },
            [W.vpcCrowded]: { cidrBlocks: ["10.2.0.0/16"] },
            [W.vpcOverlap]: { cidrBlocks: ["10.0.128.0/20"] },
        },
        subnets: {
            [DST.subnetA]: { vpcId: DST.vpc, availabilityZone: `${REGION}a`, cidrBlock: "10.0.1.0/24" },
            [DST.subnetB]: { vpcId: DST.vpc, availabilityZone: `${REGION}b`, cidrBlock: "10.0.2.0/24" },
            [W.subnetA2]: { vpcId: DST.vpc, availabilityZone: `${REGION}a`, cidrBlock: "10.0.3.0/24" },
            [W.subnetFull]: { vpcId: DST.vpc, availabilityZone: `${REGION}c`, cidrBlock: "10.0.9.0/28", availableIpAddressCount: 0 },
            [W.subnetTasks]: { vpcId: DST.vpc, availabilityZone: `${REGION}c`, cidrBlock: "10.0.4.0/24", runningTasks: 2 },
            [W.subnet2]: { vpcId: W.vpc2, availabilityZone: `${REGION}a`, cidrBlock: "10.1.1.0/24" },
            [W.subnetCrowded]: { vpcId: W.vpcCrowded, availabilityZone: `${REGION}a`, cidrBlock: "10.2.1.0/24" },
        },
        securityGroups: { [W.group]: { vpcId: DST.vpc, name: "existing" }, [W.group2]: { vpcId: W.vpc2, name: "other-vpc" } },
        vpcEndpoints: crowdedEndpoints(),
        routeTables: {
            [DST.routeTable]: {
                vpcId: DST.vpc,
                subnetIds: [DST.subnetA],
                routes: [{ destinationCidrBlock: "192.168.0.0/16", target: "vgw-0d5700000000000a1" }],
            },
            [W.mainRouteTable]: { vpcId: DST.vpc, main: true },
            [W.fullRouteTable]: {
                vpcId: W.vpc2,
                subnetIds: [W.subnet2],
                routes: Array.from({ length: 50 }, (_, n) => ({ destinationCidrBlock: `172.16.${n}.0/24`, target: "vgw-0d5700000000000a1" })),
            },
        },
        transitGateways: {
            [DST.tgw]: { associationDefaultRouteTableId: DST.tgwRouteTable, propagationDefaultRouteTableId: DST.tgwRouteTable },
            [W.tgwNoDefaults]: { associationDefaultRouteTableId: "", propagationDefaultRouteTableId: "", routeTables: [W.tgwNoDefaultsTable] },
            [W.tgwAutoAccept]: { associationDefaultRouteTableId: "tgw-rtb-0d57000000000c3", autoAcceptSharedAttachments: "enable" },
        },
        ssmParameters: { [AMI_PARAMETER.basic]: AMI.basic, [AMI_PARAMETER.enhanced]: AMI.enhanced },
        amis: { [AMI.arm]: { architecture: "arm64" } },
        prefixLists: { [W.prefixList]: { maxEntries: 30 } },
        endpointServices: { [W.oneZoneService]: { availabilityZones: [`${REGION}a`] } },
        instanceTypeOfferings: {
            [`${REGION}a`]: ["m5.2xlarge", "m5.4xlarge", "m6g.2xlarge", "c5.2xlarge", "t3.micro"],
            [`${REGION}b`]: ["m5.2xlarge", "m6g.2xlarge", "t3.micro"],
            [`${REGION}c`]: ["t3.micro"],
        },
        accounts: {
            [ACCOUNT]: {
                regions: {
                    [OTHER_REGION]: {
                        vpcs: { [W.usVpc]: { cidrBlocks: ["10.50.0.0/16"] } },
                        subnets: { [W.usSubnet]: { vpcId: W.usVpc, availabilityZone: `${OTHER_REGION}a`, cidrBlock: "10.50.1.0/24" } },
                        ssmParameters: { [AMI_PARAMETER.basic]: W.usAmi },
                    },
                },
            },
            [SOURCE_ACCOUNT]: {
                regions: {
                    [REGION]: {
                        vpcs: { [SRC.vpc]: { cidrBlocks: ["10.20.0.0/16"] } },
                        subnets: { [SRC.subnetA]: { vpcId: SRC.vpc, availabilityZone: `${REGION}a`, cidrBlock: "10.20.1.0/24" } },
                        securityGroups: { [W.srcGroup]: { vpcId: SRC.vpc, name: "source" } },
                        routeTables: { [SRC.routeTable]: { vpcId: SRC.vpc, subnetIds: [SRC.subnetA] } },
                        ssmParameters: { [AMI_PARAMETER.basic]: AMI.basic },
                    },
                    [OTHER_REGION]: {
                        vpcs: { [W.srcUsVpc]: { cidrBlocks: ["10.30.0.0/16"] } },
                        subnets: { [W.srcUsSubnet]: { vpcId: W.srcUsVpc, availabilityZone: `${OTHER_REGION}a`, cidrBlock: "10.30.1.0/24" } },
                        transitGateways: { [SRC.tgw]: { associationDefaultRouteTableId: SRC.tgwRouteTable } },
                        routeTables: { [W.srcUsRouteTable]: { vpcId: W.srcUsVpc, subnetIds: [W.srcUsSubnet] } },
                        ssmParameters: { [AMI_PARAMETER.basic]: W.srcUsAmi },
                    },
                },
            },
            [OUTSIDE_ACCOUNT]: {
                regions: {
                    [REGION]: {
                        vpcs: { [W.outVpc]: { cidrBlocks: ["10.40.0.0/16"] } },
                        subnets: { [W.outSubnet]: { vpcId: W.outVpc, availabilityZone: `${REGION}a`, cidrBlock: "10.40.1.0/24" } },
                        routeTables: { "rtb-0c3300000000000a1": { vpcId: W.outVpc, subnetIds: [W.outSubnet] } },
                    },
                },
            },
        },
    };
}

/** Explicit providers of the lab, made on first use (each is a plugin process), one per account/Region. */
export function providers() {
    const made = new Map<string, aws.Provider>();
    const once = (name: string, args: aws.ProviderArgs) => () => made.get(name) ?? made.set(name, new aws.Provider(name, args)).get(name)!;
    const source = once("source", { region: REGION, assumeRoles: [{ roleArn: `arn:aws:iam::${SOURCE_ACCOUNT}:role/lab` }] });
    const sourceUs = once("source-us", { region: OTHER_REGION, profile: "source" });
    const outside = once("outside", { region: REGION, profile: "outside" });
    const us = once("us", { region: OTHER_REGION });
    return {
        get source() {
            return source();
        },
        get sourceUs() {
            return sourceUs();
        },
        get outside() {
            return outside();
        },
        get us() {
            return us();
        },
    };
}
