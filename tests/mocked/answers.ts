// What the mocked AWS answers for each function the components call, from the MockWorld. The
// "not found" errors are the texts the Terraform data sources give (the components recognise them):
// "no matching ... found" (tfresource.SingularDataSourceFindError) and, for endpoint services,
// "couldn't find resource".
import { F } from "../fixtures/aws";
import type { MockWorld } from "./world";

export interface Where {
    account: string;
    region: string;
}

type Args = Record<string, any>;

function filter(args: Args, name: string): string[] | undefined {
    return (args.filters as { name: string; values: string[] }[] | undefined)?.find((f) => f.name === name)?.values;
}

function subnetAnswer(w: MockWorld, at: Where, id: string): Args {
    const s = w.subnets[id];
    if (!s) {
        throw new Error(`no matching EC2 Subnet found (${id})`);
    }
    const { routeTableId: _rt, ...rest } = s;
    return { id, arn: `arn:aws:ec2:${at.region}:${at.account}:subnet/${id}`, ...rest };
}

// The route table data source: by ID, subnet or filters; "no matching Route Table found" when none
// (TF internal/service/ec2/vpc_route_table_data_source.go). Its routes leave out the local and
// propagated ones (flattenDataSourceRoutes), so the world lists only the others.
function routeTableAnswer(w: MockWorld, args: Args): Args {
    if (args.routeTableId) {
        const routes = w.routeTables[args.routeTableId];
        if (!routes) {
            throw new Error("no matching Route Table found");
        }
        return { id: args.routeTableId, routeTableId: args.routeTableId, routes };
    }
    if (args.subnetId) {
        const rt = w.subnets[args.subnetId]?.routeTableId;
        if (!rt) {
            throw new Error("no matching Route Table found");
        }
        return { id: rt, routeTableId: rt };
    }
    const main = filter(args, "association.main")?.[0] === "true" ? w.vpcs[args.vpcId]?.mainRouteTableId : undefined;
    if (!main) {
        throw new Error("no matching Route Table found");
    }
    return { id: main, routeTableId: main };
}

function endpointAnswer(w: MockWorld, at: Where, args: Args): Args {
    const match = args.id
        ? Object.entries(w.endpoints).filter(([id]) => id === args.id)
        : Object.entries(w.endpoints).filter(
              ([, e]) =>
                  e.vpcId === filter(args, "vpc-id")?.[0] &&
                  e.serviceName === filter(args, "service-name")?.[0] &&
                  e.tags?.Name === filter(args, "tag:Name")?.[0],
          );
    if (match.length !== 1) {
        throw new Error(match.length === 0 ? "no matching EC2 VPC Endpoint found" : "multiple EC2 VPC Endpoints matched");
    }
    const [id, e] = match[0];
    return {
        id,
        arn: `arn:aws:ec2:${at.region}:${at.account}:vpc-endpoint/${id}`,
        vpcId: e.vpcId,
        serviceName: e.serviceName,
        privateDnsEnabled: e.privateDnsEnabled,
        state: e.state,
        securityGroupIds: e.securityGroupIds,
        networkInterfaceIds: e.interfaces.map((i) => i.id),
        subnetIds: e.interfaces.map((i) => i.subnetId),
    };
}

function interfaceAnswer(w: MockWorld, id: string): Args {
    const eni = Object.values(w.endpoints)
        .flatMap((e) => e.interfaces)
        .find((i) => i.id === id);
    if (!eni) {
        throw new Error(`no matching EC2 Network Interface found (${id})`);
    }
    return { id, subnetId: eni.subnetId, privateIp: eni.privateIp };
}

export function answer(w: MockWorld, token: string, args: Args, at: Where): Args {
    switch (token) {
        case "aws:index/getRegions:getRegions":
            return { id: at.region, names: w.regions };
        case F.getRegion:
            return { id: at.region, region: at.region, name: at.region, endpoint: `ec2.${at.region}.amazonaws.com` };
        case F.getCallerIdentity:
            return { id: at.account, accountId: at.account, arn: `arn:aws:sts::${at.account}:assumed-role/mock/session`, userId: "AROAMOCK:session" };
        case F.getSubnet:
            return subnetAnswer(w, at, args.id);
        case F.getVpc: {
            const v = w.vpcs[args.id];
            if (!v) {
                throw new Error(`no matching EC2 VPC found (${args.id})`);
            }
            return { id: args.id, cidrBlock: v.cidrBlocks[0], cidrBlockAssociations: v.cidrBlocks.map((c) => ({ cidrBlock: c, state: "associated" })) };
        }
        case F.getVpcEndpointService: {
            const zones = w.services[args.serviceName];
            if (!zones) {
                throw new Error("reading EC2 VPC Endpoint Services: couldn't find resource");
            }
            return { id: args.serviceName, serviceName: args.serviceName, availabilityZones: zones };
        }
        case F.getVpcEndpoint:
            return endpointAnswer(w, at, args);
        case F.getNetworkInterface:
            return interfaceAnswer(w, args.id);
        case F.getSecurityGroup: {
            const g = w.securityGroups[args.id];
            if (!g) {
                throw new Error(`no matching EC2 Security Group found (${args.id})`);
            }
            return { id: args.id, arn: `arn:aws:ec2:${at.region}:${at.account}:security-group/${args.id}`, vpcId: g.vpcId };
        }
        case F.getRouteTable:
            return routeTableAnswer(w, args);
        case F.getTransitGateway: {
            const t = w.gateways[args.id];
            if (!t) {
                throw new Error(`no matching EC2 Transit Gateway found (${args.id})`);
            }
            return { id: args.id, arn: `arn:aws:ec2:${at.region}:${t.ownerId}:transit-gateway/${args.id}`, ...t };
        }
        case F.getInstanceType: {
            const t = w.instanceTypes[args.instanceType];
            if (!t) {
                throw new Error(`no matching EC2 Instance Type found (${args.instanceType})`);
            }
            return { id: args.instanceType, supportedArchitectures: t.supportedArchitectures, memorySize: t.memorySize };
        }
        case F.getInstanceTypeOfferings: {
            const type = filter(args, "instance-type")?.[0] ?? "";
            const zones = (filter(args, "location") ?? []).filter((z) => w.instanceTypes[type]?.zones.includes(z));
            return { id: at.region, instanceTypes: zones.map(() => type), locations: zones, locationTypes: zones.map(() => "availability-zone") };
        }
        case F.getParameter: {
            const value = w.ssm[args.name];
            if (value === undefined) {
                throw new Error(`ParameterNotFound: ${args.name}`);
            }
            return { id: args.name, name: args.name, value, insecureValue: value, type: "String" };
        }
        default:
            throw new Error(`unmocked function ${token}`);
    }
}
