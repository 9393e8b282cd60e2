// Interface VPC endpoints (aws_vpc_endpoint) and the endpoint/group association resource. Sources:
// TF internal/service/ec2/vpc_endpoint.go (schema, CustomizeDiff, create waits for "available",
// Read fills network_interface_ids and subnet_configuration); CreateVpcEndpoint API reference;
// PrivateLink guide "Access an AWS service using an interface VPC endpoint" (one subnet per AZ).
import type * as aws from "@pulumi/aws";
import { ApiError, conflicts, Ctx, given, known, required, spec } from "../contract";
import { containsAddress, networkCidr } from "../ip";
import type { Interface } from "../log";
import { enforce, QUOTAS } from "../quotas";
import { T } from "../tokens";
import { allocate, arn, endpointOf, eni, groupOf, hex, newId, subnetOf, tagsAll, vpcOf } from "./common";
import { endpointServices } from "./endpointServices";

type Args = aws.ec2.VpcEndpointArgs;
const TYPES = ["Gateway", "GatewayLoadBalancer", "Interface", "Resource", "ServiceNetwork"];

function serviceChecks(i: any, ctx: Ctx): void {
    const vpc = vpcOf(ctx, i.vpcId);
    const svc = endpointServices(ctx.inv, ctx.at.region)[i.serviceName];
    if (given(i.serviceName) && !svc) {
        throw new ApiError("InvalidServiceName", `The Vpc Endpoint Service '${i.serviceName}' does not exist`);
    }
    if (i.vpcEndpointType !== "Interface") {
        return;
    }
    const zones = new Map<string, string>();
    for (const s of (i.subnetIds ?? []) as string[]) {
        const subnet = subnetOf(ctx, s);
        if (subnet.vpcId !== vpc.id) {
            // GUESS: message wording.
            throw new ApiError("InvalidParameter", `The subnet ID '${s}' does not belong to the VPC '${vpc.id}'`);
        }
        const other = zones.get(subnet.availabilityZone);
        if (other !== undefined) {
            throw new ApiError(
                "DuplicateSubnetsInSameZone",
                `Found another VPC endpoint subnet in the availability zone of ${s} (${other}). VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.`,
            );
        }
        zones.set(subnet.availabilityZone, s);
        if (svc && !svc.availabilityZones.includes(subnet.availabilityZone)) {
            throw new ApiError(
                "InvalidParameter",
                `The Vpc Endpoint Service '${i.serviceName}' does not support the availability zone of the subnet: ${s} (${subnet.availabilityZone}).`,
            );
        }
    }
    const groups = (i.securityGroupIds ?? []) as string[];
    for (const g of groups) {
        if (groupOf(ctx, g).vpcId !== vpc.id) {
            // GUESS: message wording.
            throw new ApiError("InvalidParameter", `Security group ${g} and the VPC ${vpc.id} belong to different networks.`);
        }
    }
    enforce(QUOTAS.groupsPerInterface, 0, groups.length, "on each endpoint network interface");
    for (const c of (i.subnetConfigurations ?? []) as Array<{ subnetId?: string; ipv4?: string }>) {
        if (c.subnetId && !(i.subnetIds ?? []).includes(c.subnetId)) {
            throw new ApiError("InvalidParameter", `The subnet configuration's subnet ${c.subnetId} is not one of the endpoint's subnets`);
        }
        if (c.ipv4 && c.subnetId && !containsAddress(networkCidr(subnetOf(ctx, c.subnetId).cidrBlock)!, c.ipv4)) {
            throw new ApiError("InvalidParameterValue", `Address ${c.ipv4} does not fall within the subnet's address range`);
        }
    }
}

/** One network interface per subnet, keeping the ones a subnet already has; a pinned ipv4 is used as given. */
function interfacesFor(id: string, i: any, before: Interface[], ctx: Ctx): Interface[] {
    const taken = new Set(before.map((x) => x.privateIp));
    const pinned = new Map(((i.subnetConfigurations ?? []) as Array<{ subnetId: string; ipv4?: string }>).map((c) => [c.subnetId, c.ipv4]));
    return ((i.subnetIds ?? []) as string[]).map((s) => {
        const have = before.find((x) => x.subnetId === s);
        if (have) {
            return have;
        }
        const subnet = subnetOf(ctx, s);
        const want = pinned.get(s);
        if (want && ctx.inv.interfacesIn(s).some((x) => x.privateIp === want)) {
            throw new ApiError("InvalidIPAddress.InUse", `Address ${want} is in use.`);
        }
        return eni(id, s, want ?? allocate(ctx, subnet, taken));
    });
}

function outputs(id: string, i: any, enis: Interface[], ctx: Ctx): Record<string, unknown> {
    const service = String(i.serviceName ?? "")
        .split(".")
        .pop();
    return {
        arn: arn(ctx.at, "ec2", `vpc-endpoint/${id}`),
        networkInterfaceIds: enis.map((x) => x.id),
        subnetConfigurations: enis.map((x) => ({ subnetId: x.subnetId, ipv4: x.privateIp, ipv6: "" })),
        dnsEntries: [{ dnsName: `${id}-${hex(8)}.${service}.${ctx.at.region}.vpce.amazonaws.com`, hostedZoneId: "ZDOUBLE0000000" }],
        ownerId: ctx.at.account,
        state: "available",
        requesterManaged: false,
        cidrBlocks: [],
        prefixListId: "",
        privateDnsEnabled: i.privateDnsEnabled ?? false,
        securityGroupIds: i.securityGroupIds ?? [],
        subnetIds: i.subnetIds ?? [],
        ipAddressType: "ipv4",
        tagsAll: tagsAll(ctx, i.tags),
    };
}

export function vpcEndpointSpec() {
    return spec<Args, aws.ec2.VpcEndpointState>({
        what: "EC2 VPC Endpoint",
        createCall: "EC2: CreateVpcEndpoint",
        forceNew: ["vpcId", "serviceName", "vpcEndpointType", "resourceConfigurationArn", "serviceNetworkArn", "serviceRegion"],
        filled: ["privateDnsEnabled", "securityGroupIds", "subnetIds", "subnetConfigurations", "routeTableIds", "policy", "dnsOptions", "ipAddressType"],
        sets: ["securityGroupIds", "subnetIds", "subnetConfigurations", "routeTableIds"],
        computed: ["arn", "networkInterfaceIds", "dnsEntries", "ownerId", "state", "requesterManaged", "cidrBlocks", "prefixListId", "tagsAll"],
        // CustomizeDiff: changing private_dns_enabled replaces endpoints that are not Interface endpoints.
        replaceIf: (olds, news) =>
            news.vpcEndpointType !== "Interface" && given(news.privateDnsEnabled) && olds.privateDnsEnabled !== news.privateDnsEnabled
                ? ["privateDnsEnabled"]
                : [],
        defaults: () => ({ vpcEndpointType: "Gateway" }),
        schema: (i, f) => {
            required(i, f, ["vpcId", "vpc_id"]);
            conflicts(i, f, "VpcEndpoint", "serviceName", "service_name", [
                ["resourceConfigurationArn", "resource_configuration_arn"],
                ["serviceNetworkArn", "service_network_arn"],
            ]);
            if (known(i.vpcEndpointType) && !TYPES.includes(String(i.vpcEndpointType))) {
                f.add("vpcEndpointType", `expected vpc_endpoint_type to be one of ${JSON.stringify(TYPES)}, got ${i.vpcEndpointType}`);
            }
        },
        service: (i, ctx, id) => {
            serviceChecks(i, ctx);
            if (id === undefined && i.vpcEndpointType === "Interface") {
                const used = ctx.inv.endpointsOfVpc(ctx.at, i.vpcId).filter((e) => e.vpcEndpointType === "Interface").length;
                enforce(QUOTAS.interfaceEndpointsPerVpc, used, 1, `in ${i.vpcId}`);
            }
        },
        create: (i, ctx) => {
            const id = newId("vpce");
            const interfaces = i.vpcEndpointType === "Interface" ? interfacesFor(id, i, [], ctx) : [];
            return { id, interfaces, outs: outputs(id, i, interfaces, ctx) };
        },
        update: (id, _olds, news, ctx) => {
            const interfaces = interfacesFor(id, news, ctx.state.get(T.vpcEndpoint, id)?.interfaces ?? [], ctx);
            return { interfaces, outs: outputs(id, news, interfaces, ctx) };
        },
    });
}

/** aws_vpc_endpoint_security_group_association: both IDs Required and ForceNew. */
export function endpointGroupAssociationSpec() {
    return spec<aws.ec2.SecurityGroupAssociationArgs, aws.ec2.SecurityGroupAssociationState>({
        what: "VPC Endpoint Security Group Association",
        createCall: "EC2: ModifyVpcEndpoint",
        forceNew: ["securityGroupId", "vpcEndpointId", "replaceDefaultAssociation"],
        computed: [],
        schema: (i, f) => required(i, f, ["securityGroupId", "security_group_id"], ["vpcEndpointId", "vpc_endpoint_id"]),
        service: (i, ctx) => {
            const e = endpointOf(ctx, i.vpcEndpointId);
            groupOf(ctx, i.securityGroupId);
            const extra = ctx.state.ofType(T.securityGroupAssociation).filter((a) => a.outputs.vpcEndpointId === e.id).length;
            enforce(QUOTAS.groupsPerInterface, e.securityGroupIds.length + extra, 1, `on ${e.id}'s network interfaces`);
        },
        create: (i) => ({ id: `${i.vpcEndpointId}/${i.securityGroupId}`, outs: {} }),
    });
}
