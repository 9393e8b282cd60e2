// The network types the policy pack's fixtures use (tests/policy): a stack that builds its own VPC,
// subnets, secondary CIDRs and transit gateway. Sources: TF internal/service/ec2/vpc_.go (cidr_block
// ForceNew), vpc_subnet.go (vpc_id Required ForceNew, cidr_block ForceNew, availability_zone
// Optional+Computed ForceNew), vpc_ipv4_cidr_block_association.go (vpc_id, cidr_block ForceNew),
// transitgateway_.go (default_route_table_association/propagation and auto_accept_shared_attachments
// default "enable"/"enable"/"disable"; several options ForceNew); CreateSubnet API reference (the
// subnet's range must lie in the VPC's and not overlap another subnet: InvalidSubnet.Range,
// InvalidSubnet.Conflict).
import type * as aws from "@pulumi/aws";
import { ApiError, known, required, spec } from "../contract";
import { networkCidr, overlaps, within } from "../ip";
import { T } from "../tokens";
import { arn, newId, tagsAll, vpcOf } from "./common";

export function vpcSpec() {
    return spec<aws.ec2.VpcArgs, aws.ec2.VpcState>({
        what: "EC2 VPC",
        createCall: "EC2: CreateVpc",
        forceNew: ["cidrBlock", "instanceTenancy", "ipv4IpamPoolId", "ipv4NetmaskLength"],
        filled: ["cidrBlock", "instanceTenancy", "enableDnsHostnames", "enableDnsSupport"],
        computed: ["arn", "ownerId", "mainRouteTableId", "defaultSecurityGroupId", "defaultRouteTableId", "defaultNetworkAclId", "dhcpOptionsId", "tagsAll"],
        schema: (i, f) => {
            if (known(i.cidrBlock) && !networkCidr(i.cidrBlock)) {
                f.add("cidrBlock", `"cidr_block" (${i.cidrBlock}) is not a valid CIDR network address`);
            }
        },
        create: (i, ctx) => {
            const id = newId("vpc");
            return {
                id,
                outs: {
                    arn: arn(ctx.at, "ec2", `vpc/${id}`),
                    ownerId: ctx.at.account,
                    instanceTenancy: i.instanceTenancy ?? "default",
                    tagsAll: tagsAll(ctx, i.tags),
                },
            };
        },
    });
}

export function vpcCidrSpec() {
    return spec<aws.ec2.VpcIpv4CidrBlockAssociationArgs, aws.ec2.VpcIpv4CidrBlockAssociationState>({
        what: "EC2 VPC IPv4 CIDR Block Association",
        createCall: "EC2: AssociateVpcCidrBlock",
        forceNew: ["cidrBlock", "vpcId", "ipv4IpamPoolId", "ipv4NetmaskLength"],
        filled: ["cidrBlock"],
        computed: [],
        schema: (i, f) => required(i, f, ["vpcId", "vpc_id"]),
        service: (i, ctx) => {
            const v = vpcOf(ctx, i.vpcId);
            const r = networkCidr(i.cidrBlock);
            if (r && v.cidrBlocks.some((c) => overlaps(networkCidr(c)!, r))) {
                throw new ApiError("InvalidVpc.Range", `The CIDR '${i.cidrBlock}' conflicts with another subnet`);
            }
        },
        create: () => ({ id: newId("vpc-cidr-assoc"), outs: {} }),
    });
}

export function subnetSpec() {
    return spec<aws.ec2.SubnetArgs, aws.ec2.SubnetState>({
        what: "EC2 Subnet",
        createCall: "EC2: CreateSubnet",
        forceNew: ["vpcId", "cidrBlock", "availabilityZone", "availabilityZoneId"],
        filled: ["availabilityZone", "availabilityZoneId", "cidrBlock"],
        computed: ["arn", "ownerId", "tagsAll"],
        schema: (i, f) => required(i, f, ["vpcId", "vpc_id"]),
        service: (i, ctx) => {
            const v = vpcOf(ctx, i.vpcId);
            const r = networkCidr(i.cidrBlock);
            if (!r || !v.cidrBlocks.some((c) => within(r, networkCidr(c)!))) {
                throw new ApiError("InvalidSubnet.Range", `The CIDR '${i.cidrBlock}' is invalid.`);
            }
            const clash = ctx.inv.subnetsOfVpc(ctx.at, v.id).find((s) => overlaps(networkCidr(s.cidrBlock)!, r));
            if (clash) {
                throw new ApiError("InvalidSubnet.Conflict", `The CIDR '${i.cidrBlock}' conflicts with another subnet`);
            }
        },
        create: (i, ctx) => {
            const id = newId("subnet");
            return {
                id,
                outs: {
                    arn: arn(ctx.at, "ec2", `subnet/${id}`),
                    ownerId: ctx.at.account,
                    availabilityZone: i.availabilityZone ?? `${ctx.at.region}a`,
                    tagsAll: tagsAll(ctx, i.tags),
                },
            };
        },
    });
}

export function transitGatewaySpec() {
    return spec<aws.ec2transitgateway.TransitGatewayArgs, aws.ec2transitgateway.TransitGatewayState>({
        what: "EC2 Transit Gateway",
        createCall: "EC2: CreateTransitGateway",
        forceNew: ["amazonSideAsn", "defaultRouteTableAssociation", "defaultRouteTablePropagation", "multicastSupport"],
        filled: ["amazonSideAsn"],
        computed: ["arn", "ownerId", "associationDefaultRouteTableId", "propagationDefaultRouteTableId", "tagsAll"],
        defaults: () => ({ autoAcceptSharedAttachments: "disable", defaultRouteTableAssociation: "enable", defaultRouteTablePropagation: "enable" }),
        create: (i, ctx) => {
            const id = newId("tgw");
            // One default table serves both defaults when either is enabled (CreateTransitGateway: none when both are disabled).
            const table = i.defaultRouteTableAssociation === "enable" || i.defaultRouteTablePropagation === "enable" ? newId("tgw-rtb") : "";
            return {
                id,
                outs: {
                    arn: arn(ctx.at, "ec2", `transit-gateway/${id}`),
                    ownerId: ctx.at.account,
                    associationDefaultRouteTableId: i.defaultRouteTableAssociation === "enable" ? table : "",
                    propagationDefaultRouteTableId: i.defaultRouteTablePropagation === "enable" ? table : "",
                    tagsAll: tagsAll(ctx, i.tags),
                },
            };
        },
    });
}

/** Types of this file by token, for the provider's table. */
export const NETWORK_TYPES = { [T.vpc]: vpcSpec, [T.vpcCidr]: vpcCidrSpec, [T.subnet]: subnetSpec, [T.transitGateway]: transitGatewaySpec };
