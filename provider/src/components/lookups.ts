// The lookups a component checks and plans with, run before any child exists. Each takes plain
// arguments (the caller settles them first) and runs on one side: through the side's provider,
// in the side's Region. The Promise forms are used on purpose: a failed Output-form lookup
// rejects promises nobody awaits, which the provider host reports as stray errors.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { EndpointInterface, ExistingRoute, GatewayFacts, SubnetFacts } from "../plan";
import { lookupOn, Placement } from "./placement";
import { settle } from "./settle";

export interface Side {
    parent: pulumi.Resource;
    placement: Placement;
}

async function opts(s: Side): Promise<{ args: { region?: string }; invoke: pulumi.InvokeOptions }> {
    const region = s.placement.region === undefined ? undefined : await settle(s.placement.region);
    return { args: typeof region === "string" ? { region } : {}, invoke: lookupOn(s.parent, s.placement) };
}

/** The side's account (STS GetCallerIdentity through its credentials) and Region. */
export async function sideIdentity(s: Side): Promise<{ account: string; region: string }> {
    const o = await opts(s);
    const [who, where] = await Promise.all([aws.getCallerIdentity({}, o.invoke), aws.getRegion({ ...o.args }, o.invoke)]);
    return { account: who.accountId, region: where.region };
}

export async function subnet(s: Side, id: string): Promise<SubnetFacts> {
    const o = await opts(s);
    const r = await aws.ec2.getSubnet({ id, ...o.args }, o.invoke);
    return {
        id: r.id,
        vpcId: r.vpcId,
        availabilityZone: r.availabilityZone,
        availableIpAddressCount: r.availableIpAddressCount,
        cidrBlock: r.cidrBlock,
        arn: r.arn,
    };
}

/** Every IPv4 range of a VPC (primary and secondary associations). */
export async function vpcRanges(s: Side, id: string): Promise<string[]> {
    const o = await opts(s);
    const v = await aws.ec2.getVpc({ id, ...o.args }, o.invoke);
    return [...new Set([v.cidrBlock, ...(v.cidrBlockAssociations ?? []).map((a) => a.cidrBlock)])];
}

/** The Availability Zones an endpoint service is offered in, or undefined when the Region has no such service. */
export async function serviceZones(s: Side, serviceName: string): Promise<string[] | undefined> {
    const o = await opts(s);
    try {
        return (await aws.ec2.getVpcEndpointService({ serviceName, ...o.args }, o.invoke)).availabilityZones;
    } catch (e) {
        // The Terraform data source reports a missing service as "couldn't find resource".
        if (/couldn't find resource|InvalidServiceName|no matching/i.test(String(e))) {
            return undefined;
        }
        throw e;
    }
}

export interface AdoptedEndpoint {
    id: string;
    vpcId: string;
    serviceName: string;
    privateDnsEnabled: boolean;
    state: string;
    securityGroupIds: string[];
    interfaces: EndpointInterface[];
}

export async function adoptedEndpoint(s: Side, id: string): Promise<AdoptedEndpoint> {
    const o = await opts(s);
    const e = await aws.ec2.getVpcEndpoint({ id, ...o.args }, o.invoke);
    const interfaces = await Promise.all(
        e.networkInterfaceIds.map(async (eni) => {
            const n = await aws.ec2.getNetworkInterface({ id: eni, ...o.args }, o.invoke);
            return { id: n.id, subnetId: n.subnetId, privateIp: n.privateIp };
        }),
    );
    return {
        id: e.id,
        vpcId: e.vpcId,
        serviceName: e.serviceName,
        privateDnsEnabled: e.privateDnsEnabled,
        state: e.state,
        securityGroupIds: [...e.securityGroupIds].sort(),
        interfaces,
    };
}

/**
 * The subnets of an endpoint this component made on an earlier deployment, found by its Name tag:
 * its interfaces already hold their addresses, which must not be asked for again.
 */
export async function ownEndpointSubnets(s: Side, vpcId: string, serviceName: string, nameTag: string): Promise<string[]> {
    const o = await opts(s);
    const filters = [
        { name: "vpc-id", values: [vpcId] },
        { name: "service-name", values: [serviceName] },
        { name: "tag:Name", values: [nameTag] },
    ];
    try {
        return (await aws.ec2.getVpcEndpoint({ filters, ...o.args }, o.invoke)).subnetIds;
    } catch (e) {
        if (/no matching/i.test(String(e))) {
            return [];
        }
        throw e;
    }
}

export async function securityGroupArn(s: Side, id: string): Promise<{ id: string; arn: string; vpcId: string }> {
    const o = await opts(s);
    const g = await aws.ec2.getSecurityGroup({ id, ...o.args }, o.invoke);
    return { id: g.id, arn: g.arn, vpcId: g.vpcId };
}

/**
 * The route table a subnet's traffic leaves by: its explicit association, else the VPC's main
 * table (the data source finds only explicit associations: "no matching Route Table found").
 */
export async function subnetRouteTable(s: Side, subnetId: string, vpcId: string): Promise<string> {
    const o = await opts(s);
    try {
        return (await aws.ec2.getRouteTable({ subnetId, ...o.args }, o.invoke)).routeTableId;
    } catch (e) {
        if (!/no matching/i.test(String(e))) {
            throw e;
        }
    }
    const main = await aws.ec2.getRouteTable({ vpcId, filters: [{ name: "association.main", values: ["true"] }], ...o.args }, o.invoke);
    return main.routeTableId;
}

/**
 * The routes a table holds, as the route table data source lists them: not the local route, not
 * propagated ones, not gateway endpoints' prefix lists (TF
 * internal/service/ec2/vpc_route_table_data_source.go, flattenDataSourceRoutes) - the routes AWS's
 * "routes per route table (non-propagated)" quota counts - each with its destination and next hop.
 */
export async function tableRoutes(s: Side, routeTableId: string): Promise<ExistingRoute[]> {
    const o = await opts(s);
    const t = await aws.ec2.getRouteTable({ routeTableId, ...o.args }, o.invoke);
    return (t.routes ?? []).map((r) => ({
        destination: r.cidrBlock || r.ipv6CidrBlock || r.destinationPrefixListId,
        target:
            r.gatewayId ||
            r.transitGatewayId ||
            r.vpcPeeringConnectionId ||
            r.networkInterfaceId ||
            r.natGatewayId ||
            r.vpcEndpointId ||
            r.localGatewayId ||
            r.carrierGatewayId ||
            r.egressOnlyGatewayId ||
            r.coreNetworkArn ||
            r.instanceId ||
            "",
    }));
}

export async function gateway(
    s: Side,
    id: string,
): Promise<GatewayFacts & { arn: string; ownerId: string; associationTableId: string; propagationTableId: string }> {
    const o = await opts(s);
    const t = await aws.ec2transitgateway.getTransitGateway({ id, ...o.args }, o.invoke);
    return {
        arn: t.arn,
        ownerId: t.ownerId,
        defaultAssociation: t.defaultRouteTableAssociation === "enable",
        defaultPropagation: t.defaultRouteTablePropagation === "enable",
        autoAccept: t.autoAcceptSharedAttachments === "enable",
        associationTableId: t.associationDefaultRouteTableId,
        propagationTableId: t.propagationDefaultRouteTableId,
    };
}

export interface InstanceTypeFacts {
    architectures: string[];
    memoryMib: number;
    /** Availability Zones (of those asked) that offer the type. */
    offeredIn: string[];
}

export async function instanceType(s: Side, type: string, zones: string[]): Promise<InstanceTypeFacts> {
    const o = await opts(s);
    const [info, offers] = await Promise.all([
        aws.ec2.getInstanceType({ instanceType: type, ...o.args }, o.invoke),
        aws.ec2.getInstanceTypeOfferings(
            {
                locationType: "availability-zone",
                filters: [
                    { name: "instance-type", values: [type] },
                    { name: "location", values: zones },
                ],
                ...o.args,
            },
            o.invoke,
        ),
    ]);
    return { architectures: info.supportedArchitectures, memoryMib: info.memorySize, offeredIn: offers.locations };
}

/** Every Region of the partition, opted in or not (EC2 DescribeRegions with AllRegions). */
export async function regionNames(s: Side): Promise<string[]> {
    return (await aws.getRegions({ allRegions: true }, lookupOn(s.parent, s.placement))).names;
}
