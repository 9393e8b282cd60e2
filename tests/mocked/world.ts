// The AWS the mocked tests see: a small world of two accounts, two Regions, VPCs, subnets,
// route tables, transit gateways, endpoint services and instance types, answered the way the
// AWS provider's functions answer (field names from @pulumi/aws's Get*Result types). The same
// IDs as the engine tests (tests/fixtures/aws.ts).
import { ACCOUNT, AMI, AMI_PARAMETER, DST, OTHER_REGION, REGION, SOURCE_ACCOUNT, SRC } from "../fixtures/aws";

export interface MockSubnet {
    vpcId: string;
    availabilityZone: string;
    cidrBlock: string;
    availableIpAddressCount: number;
    /** The route table explicitly associated with the subnet; none: the VPC's main table. */
    routeTableId?: string;
}

export interface MockGateway {
    ownerId: string;
    defaultRouteTableAssociation: "enable" | "disable";
    defaultRouteTablePropagation: "enable" | "disable";
    autoAcceptSharedAttachments: "enable" | "disable";
    associationDefaultRouteTableId: string;
    propagationDefaultRouteTableId: string;
}

export interface MockEndpoint {
    vpcId: string;
    serviceName: string;
    privateDnsEnabled: boolean;
    state: string;
    securityGroupIds: string[];
    interfaces: { id: string; subnetId: string; privateIp: string }[];
    tags?: Record<string, string>;
}

export interface MockWorld {
    defaultAccount: string;
    defaultRegion: string;
    /** Accounts named profiles resolve to. */
    profiles: Record<string, string>;
    regions: string[];
    subnets: Record<string, MockSubnet>;
    vpcs: Record<string, { cidrBlocks: string[]; mainRouteTableId: string }>;
    /** VPC route tables AWS knows, with the routes each holds (destination and next hop, as the data source lists them). */
    routeTables: Record<string, { cidrBlock: string; gatewayId?: string; vpcPeeringConnectionId?: string; transitGatewayId?: string }[]>;
    gateways: Record<string, MockGateway>;
    /** Availability Zones of each endpoint service. */
    services: Record<string, string[]>;
    instanceTypes: Record<string, { supportedArchitectures: string[]; memorySize: number; zones: string[] }>;
    endpoints: Record<string, MockEndpoint>;
    securityGroups: Record<string, { vpcId: string }>;
    ssm: Record<string, string>;
    /** Changes the EC2 instance ID the mock hands out (a replaced instance). */
    instanceGeneration: number;
}

/** A second route table in the destination VPC, associated with no subnet. */
export const DST_SECOND_ROUTE_TABLE = "rtb-0d5700000000000b2";

const ZONES = [`${REGION}a`, `${REGION}b`, `${REGION}c`];

export function defaultWorld(): MockWorld {
    return {
        defaultAccount: ACCOUNT,
        defaultRegion: REGION,
        profiles: { source: SOURCE_ACCOUNT },
        regions: [REGION, OTHER_REGION, "eu-west-1", "us-east-2", "us-west-2"],
        subnets: {
            [DST.subnetA]: { vpcId: DST.vpc, availabilityZone: ZONES[0], cidrBlock: "10.0.1.0/24", availableIpAddressCount: 250, routeTableId: DST.routeTable },
            [DST.subnetB]: { vpcId: DST.vpc, availabilityZone: ZONES[1], cidrBlock: "10.0.2.0/24", availableIpAddressCount: 250 },
            [SRC.subnetA]: {
                vpcId: SRC.vpc,
                availabilityZone: ZONES[0],
                cidrBlock: "10.20.1.0/24",
                availableIpAddressCount: 250,
                routeTableId: SRC.routeTable,
            },
        },
        vpcs: {
            [DST.vpc]: { cidrBlocks: ["10.0.0.0/16"], mainRouteTableId: DST.routeTable },
            [SRC.vpc]: { cidrBlocks: ["10.20.0.0/16"], mainRouteTableId: SRC.routeTable },
        },
        routeTables: { [DST.routeTable]: [], [SRC.routeTable]: [], [DST_SECOND_ROUTE_TABLE]: [] },
        gateways: {
            [DST.tgw]: gatewayOf(ACCOUNT, DST.tgwRouteTable),
            [SRC.tgw]: gatewayOf(SOURCE_ACCOUNT, SRC.tgwRouteTable),
        },
        services: Object.fromEntries(
            [REGION, OTHER_REGION].flatMap((r) => [
                [`com.amazonaws.${r}.datasync`, [`${r}a`, `${r}b`, `${r}c`]],
                ...(r === OTHER_REGION ? [[`com.amazonaws.${r}.datasync-fips`, [`${r}a`, `${r}b`]]] : []),
            ]),
        ),
        instanceTypes: {
            "m5.2xlarge": { supportedArchitectures: ["x86_64"], memorySize: 32768, zones: [...ZONES, `${OTHER_REGION}a`] },
            "m6a.2xlarge": { supportedArchitectures: ["x86_64"], memorySize: 32768, zones: [...ZONES, `${OTHER_REGION}a`] },
            "m5.4xlarge": { supportedArchitectures: ["x86_64"], memorySize: 65536, zones: ZONES },
            "m6g.2xlarge": { supportedArchitectures: ["arm64"], memorySize: 32768, zones: ZONES },
            "c5.2xlarge": { supportedArchitectures: ["x86_64"], memorySize: 16384, zones: ZONES },
        },
        endpoints: {},
        securityGroups: {},
        ssm: { [AMI_PARAMETER.basic]: AMI.basic, [AMI_PARAMETER.enhanced]: AMI.enhanced },
        instanceGeneration: 1,
    };
}

export function gatewayOf(owner: string, table: string, o: Partial<MockGateway> = {}): MockGateway {
    return {
        ownerId: owner,
        defaultRouteTableAssociation: "enable",
        defaultRouteTablePropagation: "enable",
        autoAcceptSharedAttachments: "disable",
        associationDefaultRouteTableId: table,
        propagationDefaultRouteTableId: table,
        ...o,
    };
}
