// STS, Region, SSM, transit gateway and instance-type lookups. Sources: TF
// internal/service/sts/caller_identity_data_source.go, meta/region_data_source.go,
// ssm/parameter_data_source.go (value always sensitive, insecure_value never: @pulumi/aws
// ssm/getParameter.d.ts; a missing parameter: "reading SSM Parameter (%s): couldn't find resource"),
// ec2/transitgateway_data_source.go (options straight from DescribeTransitGateways; empty IDs when a
// default table is disabled), ec2/ec2_instance_type_data_source.go (memory_size in MiB,
// supported_architectures), ec2_instance_type_offering(s)_data_source.go (aws-facts.md §11).
import type * as aws from "@pulumi/aws";
import { ApiError } from "../contract";
import { INSTANCE_TYPES } from "../instanceTypes";
import { arn } from "../services/common";
import { secret } from "../../wire";
import type { InvokeCtx } from "./context";

/**
 * Every Region of the commercial partition, opted in or not (EC2 DescribeRegions with AllRegions,
 * as getRegions({allRegions: true}) asks): the Region codes of botocore's endpoints.json "aws"
 * partition, plus every Region the world names.
 */
const AWS_PARTITION_REGIONS = [
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];

export function getRegions(_args: aws.GetRegionsArgs, c: InvokeCtx): Partial<aws.GetRegionsResult> {
    const names = [...new Set([...AWS_PARTITION_REGIONS, ...c.inv.regionsOfWorld()])].sort();
    return { id: c.at.region, names };
}

export function getRegion(_args: aws.GetRegionArgs, c: InvokeCtx): Partial<aws.GetRegionResult> {
    const r = c.at.region;
    return { id: r, name: r, region: r, endpoint: `ec2.${r}.amazonaws.com`, description: `${r} (aws test double)` };
}

/** The provider's identity: the last assumed role's session, or the profile's user. */
export function getCallerIdentity(_args: Record<string, unknown>, c: InvokeCtx): Partial<aws.GetCallerIdentityResult> {
    const a = c.at.account;
    return {
        id: a,
        accountId: a,
        arn: `arn:aws:sts::${a}:assumed-role/test-double/${c.provider.via.replace(/[^A-Za-z0-9]/g, "-")}`,
        userId: "AROATESTDOUBLE:session",
    };
}

export function getParameter(args: aws.ssm.GetParameterArgs, c: InvokeCtx): Record<string, unknown> {
    const name = String(args.name ?? "");
    const value = c.inv.rw(c.at).ssmParameters?.[name];
    if (value === undefined) {
        throw new ApiError("", `reading SSM Parameter (${name}): couldn't find resource`);
    }
    const out: Partial<aws.ssm.GetParameterResult> = {
        id: name,
        name,
        insecureValue: value,
        type: "String",
        version: 1,
        withDecryption: true,
        arn: arn(c.at, "ssm", `parameter${name}`),
    };
    return { ...out, value: secret(value) };
}

export function getTransitGateway(args: aws.ec2transitgateway.GetTransitGatewayArgs, c: InvokeCtx): Partial<aws.ec2transitgateway.GetTransitGatewayResult> {
    const id = String(args.id ?? "");
    const t = c.inv.visibleTgw(c.at, id);
    if (!t) {
        throw new ApiError("", "no matching EC2 Transit Gateway found");
    }
    return {
        id,
        arn: arn(t, "ec2", `transit-gateway/${id}`),
        ownerId: t.account,
        associationDefaultRouteTableId: t.associationDefaultRouteTableId,
        propagationDefaultRouteTableId: t.propagationDefaultRouteTableId,
        defaultRouteTableAssociation: t.associationDefaultRouteTableId ? "enable" : "disable",
        defaultRouteTablePropagation: t.propagationDefaultRouteTableId ? "enable" : "disable",
        autoAcceptSharedAttachments: t.autoAcceptSharedAttachments,
        tags: {},
    };
}

export function getInstanceType(args: aws.ec2.GetInstanceTypeArgs, _c: InvokeCtx): Partial<aws.ec2.GetInstanceTypeResult> {
    const t = INSTANCE_TYPES[String(args.instanceType)];
    if (!t) {
        throw new ApiError("", "no matching EC2 Instance Type found");
    }
    return { id: args.instanceType, instanceType: args.instanceType, supportedArchitectures: [t.architecture], memorySize: t.memoryMib, defaultVcpus: t.vcpus };
}

/** Offerings by Availability Zone (filter location / instance-type): the world's table, else every known type everywhere. */
function offerings(
    args: { filters?: Array<{ name: string; values: string[] }>; locationType?: string },
    c: InvokeCtx,
): Array<{ instanceType: string; location: string; locationType: string }> {
    const table = c.inv.rw(c.at).instanceTypeOfferings;
    const zones = table ? Object.keys(table) : [...new Set(Object.values(c.inv.rw(c.at).subnets ?? {}).map((s) => s.availabilityZone))];
    const rows = zones.flatMap((z) =>
        (table?.[z] ?? Object.keys(INSTANCE_TYPES)).map((t) => ({ instanceType: t, location: z, locationType: "availability-zone" })),
    );
    const filter = (name: string) => args.filters?.find((f) => f.name === name)?.values;
    const loc = filter("location");
    const type = filter("instance-type");
    return rows.filter((r) => (!loc || loc.includes(r.location)) && (!type || type.includes(r.instanceType)));
}

export function getInstanceTypeOffering(args: aws.ec2.GetInstanceTypeOfferingArgs, c: InvokeCtx): Partial<aws.ec2.GetInstanceTypeOfferingResult> {
    const rows = offerings(args, c);
    const preferred = args.preferredInstanceTypes?.find((p) => rows.some((r) => r.instanceType === p));
    const types = [...new Set(rows.map((r) => r.instanceType))];
    if (types.length === 0) {
        throw new ApiError("", "no EC2 Instance Type Offerings found matching criteria; try different search");
    }
    if (!preferred && types.length > 1) {
        throw new ApiError("", "multiple EC2 Instance Offerings found matching criteria; try different search");
    }
    const instanceType = preferred ?? types[0];
    return {
        id: instanceType,
        instanceType,
        locationType: args.locationType ?? "availability-zone",
        location: rows.find((r) => r.instanceType === instanceType)?.location,
    };
}

export function getInstanceTypeOfferings(args: aws.ec2.GetInstanceTypeOfferingsArgs, c: InvokeCtx): Partial<aws.ec2.GetInstanceTypeOfferingsResult> {
    const rows = offerings(args, c);
    return {
        id: c.at.region,
        instanceTypes: rows.map((r) => r.instanceType),
        locations: rows.map((r) => r.location),
        locationTypes: rows.map((r) => r.locationType),
    };
}
