// EC2 lookups (data sources). Each answers from the caller's account and Region (the provider's,
// or the `region` argument every v7 function takes). Not found: TF's SingularDataSourceFindError,
// "no matching <what> found" (internal/tfresource/not_found_error.go), per data source file
// internal/service/ec2/vpc_subnet_data_source.go, vpc_data_source.go, vpc_security_group_data_source.go,
// vpc_network_interface_data_source.go, vpc_endpoint_data_source.go, vpc_route_table_data_source.go,
// vpc_endpoint_service_data_source.go.
import type * as aws from "@pulumi/aws";
import { ApiError } from "../contract";
import { arn, freeAddresses } from "../services/common";
import { endpointServices } from "../services/endpointServices";
import { tableRoutes } from "../services/routes";
import type { InvokeCtx } from "./context";

const missing = (what: string) => new ApiError("", `no matching ${what} found`);

function need(args: Record<string, unknown>, key: string, token: string): string {
    const v = args[key];
    if (typeof v !== "string" || v === "") {
        throw new Error(`${token}: the aws test double looks this up by ${key} only (got ${JSON.stringify(args)})`);
    }
    return v;
}

export function getSubnet(args: aws.ec2.GetSubnetArgs, c: InvokeCtx): Partial<aws.ec2.GetSubnetResult> {
    const id = need(args as Record<string, unknown>, "id", "getSubnet");
    const s = c.inv.subnet(c.at, id);
    if (!s) {
        throw missing("EC2 Subnet");
    }
    const zoneId = `${c.at.region.replace(/-/g, "").replace(/(north|south|east|west|central)/g, (m) => m[0])}-az${s.availabilityZone.slice(-1).charCodeAt(0) - 96}`;
    return {
        id,
        arn: arn(c.at, "ec2", `subnet/${id}`),
        vpcId: s.vpcId,
        availabilityZone: s.availabilityZone,
        availabilityZoneId: zoneId,
        cidrBlock: s.cidrBlock,
        availableIpAddressCount: freeAddresses(c.ctx, s),
        ownerId: c.at.account,
        state: "available",
        defaultForAz: false,
        mapPublicIpOnLaunch: false,
        tags: {},
    };
}

export function getVpc(args: aws.ec2.GetVpcArgs, c: InvokeCtx): Partial<aws.ec2.GetVpcResult> {
    const id = need(args as Record<string, unknown>, "id", "getVpc");
    const v = c.inv.vpc(c.at, id);
    if (!v) {
        throw missing("EC2 VPC");
    }
    return {
        id,
        arn: arn(c.at, "ec2", `vpc/${id}`),
        cidrBlock: v.cidrBlocks[0],
        cidrBlockAssociations: v.cidrBlocks.map((cidrBlock, n) => ({ associationId: `vpc-cidr-assoc-${id.slice(4)}${n}`, cidrBlock, state: "associated" })),
        instanceTenancy: v.instanceTenancy,
        ownerId: c.at.account,
        state: "available",
        default: false,
        tags: {},
    };
}

export function getNetworkInterface(args: aws.ec2.GetNetworkInterfaceArgs, c: InvokeCtx): Partial<aws.ec2.GetNetworkInterfaceResult> {
    const id = need(args as Record<string, unknown>, "id", "getNetworkInterface");
    const eni = [...c.inv.state.interfaces(), ...c.inv.worldInterfaces()].find((x) => x.id === id);
    if (!eni) {
        throw missing("EC2 Network Interface");
    }
    return describeEni(c, eni);
}

function describeEni(c: InvokeCtx, eni: { id: string; subnetId: string; privateIp: string; owner: string }): Partial<aws.ec2.GetNetworkInterfaceResult> {
    const s = c.inv.subnet(c.at, eni.subnetId);
    if (!s) {
        throw missing("EC2 Network Interface");
    }
    return {
        id: eni.id,
        arn: arn(c.at, "ec2", `network-interface/${eni.id}`),
        subnetId: eni.subnetId,
        vpcId: s.vpcId,
        availabilityZone: s.availabilityZone,
        privateIp: eni.privateIp,
        privateIps: [eni.privateIp],
        interfaceType: eni.owner.startsWith("vpce-") ? "vpc_endpoint" : "interface",
        ownerId: c.at.account,
        requesterId: eni.owner.startsWith("vpce-") ? "AROAVPCEDOUBLE" : c.at.account,
        tags: {},
    };
}

export function getSecurityGroup(args: aws.ec2.GetSecurityGroupArgs, c: InvokeCtx): Partial<aws.ec2.GetSecurityGroupResult> {
    const id = need(args as Record<string, unknown>, "id", "getSecurityGroup");
    const g = c.inv.group(c.at, id);
    if (!g) {
        throw missing("EC2 Security Group");
    }
    return { id, arn: arn(c.at, "ec2", `security-group/${id}`), vpcId: g.vpcId, name: g.name, description: g.description, tags: {} };
}

/**
 * By ID, or by filters (vpc-id required here; service-name and tag:<key> narrow it): the data source
 * sends the filters to DescribeVpcEndpoints and wants exactly one match (TF vpc_endpoint_data_source.go:
 * none is "no matching EC2 VPC Endpoint found", several "multiple EC2 VPC Endpoints matched").
 */
function endpointOf(args: aws.ec2.GetVpcEndpointArgs, c: InvokeCtx) {
    if (args.id !== undefined) {
        return c.inv.endpoint(c.at, String(args.id));
    }
    const filter = (name: string) => args.filters?.find((f) => f.name === name)?.values;
    const vpc = filter("vpc-id");
    if (!vpc || vpc.length !== 1) {
        throw new Error(`getVpcEndpoint: the aws test double looks endpoints up by id, or by a vpc-id filter (got ${JSON.stringify(args)})`);
    }
    const matches = c.inv
        .endpointsOfVpc(c.at, vpc[0])
        .filter((e) =>
            (args.filters ?? []).every((f) =>
                f.name === "vpc-id"
                    ? true
                    : f.name === "service-name"
                      ? f.values.includes(e.serviceName)
                      : f.name.startsWith("tag:")
                        ? f.values.includes(e.tags[f.name.slice(4)])
                        : false,
            ),
        );
    if (matches.length > 1) {
        throw new ApiError("", "multiple EC2 VPC Endpoints matched; use additional constraints to reduce matches to a single EC2 VPC Endpoint");
    }
    return matches[0];
}

export function getVpcEndpoint(args: aws.ec2.GetVpcEndpointArgs, c: InvokeCtx): Partial<aws.ec2.GetVpcEndpointResult> {
    const e = endpointOf(args, c);
    if (!e) {
        throw missing("EC2 VPC Endpoint");
    }
    const id = e.id;
    return {
        id,
        arn: arn(c.at, "ec2", `vpc-endpoint/${id}`),
        vpcId: e.vpcId,
        serviceName: e.serviceName,
        privateDnsEnabled: e.privateDnsEnabled,
        networkInterfaceIds: e.interfaces.map((x) => x.id),
        subnetIds: e.interfaces.map((x) => x.subnetId),
        securityGroupIds: e.securityGroupIds,
        vpcEndpointType: e.vpcEndpointType,
        state: e.state,
        ownerId: c.at.account,
        tags: {},
    };
}

/** Unknown service: AWS InvalidServiceName, which TF turns into a bare NotFoundError (aws-facts.md §10). */
export function getVpcEndpointService(args: aws.ec2.GetVpcEndpointServiceArgs, c: InvokeCtx): Partial<aws.ec2.GetVpcEndpointServiceResult> {
    const name = need(args as Record<string, unknown>, "serviceName", "getVpcEndpointService");
    const s = endpointServices(c.inv, c.at.region)[name];
    if (!s) {
        throw new ApiError("", "reading EC2 VPC Endpoint Services: couldn't find resource");
    }
    return {
        id: name,
        serviceName: name,
        availabilityZones: s.availabilityZones,
        serviceType: "Interface",
        owner: "amazon",
        region: c.at.region,
        acceptanceRequired: false,
        tags: {},
    };
}

/**
 * By subnetId only explicit associations match (filter association.subnet-id): a subnet that uses
 * the main table implicitly finds nothing (aws-facts.md §4).
 */
export function getRouteTable(args: aws.ec2.GetRouteTableArgs, c: InvokeCtx): Partial<aws.ec2.GetRouteTableResult> {
    const tables = c.inv.routeTables(c.at);
    const t = args.routeTableId
        ? tables.find((x) => x.id === args.routeTableId)
        : args.subnetId
          ? tables.find((x) => x.subnetIds.includes(args.subnetId!))
          : args.vpcId
            ? tables.find((x) => x.vpcId === args.vpcId && x.main)
            : undefined;
    if (!t) {
        throw missing("Route Table");
    }
    return {
        id: t.id,
        routeTableId: t.id,
        arn: arn(c.at, "ec2", `route-table/${t.id}`),
        vpcId: t.vpcId,
        ownerId: c.at.account,
        associations: [
            ...t.subnetIds.map((s) => ({ subnetId: s, main: false, routeTableId: t.id })),
            ...(t.main ? [{ main: true, routeTableId: t.id }] : []),
        ] as aws.ec2.GetRouteTableResult["associations"],
        // The routes as TF's flattenDataSourceRoutes lists them (internal/service/ec2/vpc_route_table_data_source.go).
        routes: tableRoutes(c.ctx, t.id) as aws.ec2.GetRouteTableResult["routes"],
        tags: {},
    };
}
