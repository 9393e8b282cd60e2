// EC2 instances (aws_instance). Sources: TF internal/service/ec2/ec2_instance.go (schema: ForceNew
// ami, associate_public_ip_address, availability_zone, key_name, private_ip, subnet_id, tenancy,
// root_block_device.encrypted/kms_key_id; instance_type and vpc_security_group_ids update in place;
// CustomizeDiff ForceNewIf user_data when user_data_replace_on_change); RunInstances API reference.
import type * as aws from "@pulumi/aws";
import { ApiError, conflicts, Ctx, given, known, spec } from "../contract";
import { INSTANCE_TYPES } from "../instanceTypes";
import { containsAddress, networkCidr } from "../ip";
import { enforce, QUOTAS } from "../quotas";
import { T } from "../tokens";
import { allocate, arn, eni, groupOf, newId, subnetOf, tagsAll } from "./common";

/** The AMI's architecture: the world's amis, else an AMI named by one of the Region's SSM parameters (the DataSync AMIs are x86_64). */
export function amiArchitecture(ctx: Ctx, ami: string): "x86_64" | "arm64" | undefined {
    const rw = ctx.inv.rw(ctx.at);
    if (rw.amis?.[ami]) {
        return rw.amis[ami].architecture;
    }
    return Object.values(rw.ssmParameters ?? {}).includes(ami) ? "x86_64" : undefined;
}

function checkType(ctx: Ctx, type: string, ami: string, zone: string): void {
    const t = INSTANCE_TYPES[type];
    if (!t) {
        throw new ApiError("InvalidParameterValue", `Invalid value '${type}' for InstanceType.`);
    }
    const arch = amiArchitecture(ctx, ami);
    if (arch && arch !== t.architecture) {
        throw new ApiError(
            "InvalidParameterValue",
            `The architecture '${t.architecture}' of the specified instance type does not match the architecture '${arch}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again.`,
        );
    }
    const offered = ctx.inv.rw(ctx.at).instanceTypeOfferings?.[zone];
    if (offered && !offered.includes(type)) {
        throw new ApiError(
            "Unsupported",
            `Your requested instance type (${type}) is not supported in your requested Availability Zone (${zone}). Please retry your request by not specifying an Availability Zone or choosing a different one.`,
        );
    }
}

function checkGroups(ctx: Ctx, groups: string[], vpcId: string, subnetId: string): void {
    for (const g of groups) {
        if (groupOf(ctx, g).vpcId !== vpcId) {
            throw new ApiError("InvalidParameter", `Security group ${g} and subnet ${subnetId} belong to different networks.`);
        }
    }
    enforce(QUOTAS.groupsPerInterface, 0, groups.length, "on the instance's primary network interface");
}

export function instanceSpec() {
    return spec<aws.ec2.InstanceArgs, aws.ec2.InstanceState>({
        what: "EC2 Instance",
        createCall: "EC2: RunInstances",
        forceNew: [
            "ami",
            "associatePublicIpAddress",
            "availabilityZone",
            "keyName",
            "privateIp",
            "subnetId",
            "tenancy",
            "securityGroups",
            "launchTemplate",
            "placementGroup",
            "hostId",
            "ipv6AddressCount",
            "ipv6Addresses",
        ],
        filled: [
            "ami",
            "associatePublicIpAddress",
            "availabilityZone",
            "instanceType",
            "keyName",
            "privateIp",
            "subnetId",
            "vpcSecurityGroupIds",
            "securityGroups",
            "metadataOptions",
            "rootBlockDevice",
            "tenancy",
            "userData",
        ],
        sets: ["vpcSecurityGroupIds", "securityGroups"],
        computed: ["arn", "privateDns", "publicIp", "publicDns", "instanceState", "primaryNetworkInterfaceId", "outpostArn", "passwordData", "tagsAll"],
        replaceIf: (olds, news) => {
            const o = (olds.rootBlockDevice ?? {}) as Record<string, unknown>;
            const n = (news.rootBlockDevice ?? {}) as Record<string, unknown>;
            const rootForceNew = ["encrypted", "kmsKeyId"].some((k) => given(n[k]) && n[k] !== o[k]);
            const userData = news.userDataReplaceOnChange === true && given(news.userData) && news.userData !== olds.userData;
            return [...(rootForceNew ? ["rootBlockDevice"] : []), ...(userData ? ["userData"] : [])];
        },
        schema: (i, f) => {
            if (!given(i.instanceType) && !given(i.launchTemplate)) {
                f.add("instanceType", `"instance_type": one of \`instance_type,launch_template\` must be specified`);
            }
            if (!given(i.ami) && !given(i.launchTemplate)) {
                f.add("ami", `"ami": one of \`ami,launch_template\` must be specified`);
            }
            conflicts(i, f, "Instance", "userData", "user_data", [["userDataBase64", "user_data_base64"]]);
            const tokens = (i.metadataOptions as { httpTokens?: string } | undefined)?.httpTokens;
            if (known(tokens) && !["optional", "required"].includes(String(tokens))) {
                f.add("metadataOptions", `expected metadata_options.0.http_tokens to be one of ["optional" "required"], got ${tokens}`);
            }
        },
        service: (i, ctx, id) => {
            if (!i.subnetId) {
                throw new ApiError("VPCIdNotSpecified", "No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.");
            }
            const subnet = subnetOf(ctx, i.subnetId);
            if (!/^ami-[0-9a-f]+$/.test(String(i.ami))) {
                throw new ApiError("InvalidAMIID.Malformed", `Invalid id: "${i.ami}" (expecting "ami-...")`);
            }
            if (!amiArchitecture(ctx, i.ami!)) {
                throw new ApiError("InvalidAMIID.NotFound", `The image id '[${i.ami}]' does not exist`);
            }
            if (given(i.availabilityZone) && i.availabilityZone !== subnet.availabilityZone) {
                throw new ApiError(
                    "InvalidParameterValue",
                    `Value (${i.availabilityZone}) for parameter availabilityZone is invalid. Subnet '${subnet.id}' is in the availability zone ${subnet.availabilityZone}`,
                );
            }
            checkType(ctx, String(i.instanceType), i.ami!, subnet.availabilityZone);
            checkGroups(ctx, (i.vpcSecurityGroupIds ?? []) as string[], subnet.vpcId, subnet.id);
            if (id === undefined && given(i.privateIp)) {
                if (!containsAddress(networkCidr(subnet.cidrBlock)!, i.privateIp!)) {
                    throw new ApiError("InvalidParameterValue", `Address ${i.privateIp} does not fall within the subnet's address range`);
                }
                if (ctx.inv.interfacesIn(subnet.id).some((x) => x.privateIp === i.privateIp)) {
                    throw new ApiError("InvalidIPAddress.InUse", `Address ${i.privateIp} is in use.`);
                }
            }
        },
        create: (i, ctx) => {
            const id = newId("i");
            const subnet = subnetOf(ctx, i.subnetId!);
            const ip = i.privateIp ?? allocate(ctx, subnet, new Set());
            const nic = eni(id, subnet.id, ip);
            return {
                id,
                interfaces: [nic],
                outs: {
                    arn: arn(ctx.at, "ec2", `instance/${id}`),
                    privateIp: ip,
                    privateDns: `ip-${ip.replace(/\./g, "-")}.${ctx.at.region}.compute.internal`,
                    publicIp: "",
                    publicDns: "",
                    availabilityZone: subnet.availabilityZone,
                    instanceState: "running",
                    primaryNetworkInterfaceId: nic.id,
                    tagsAll: tagsAll(ctx, i.tags),
                },
            };
        },
        update: (id, olds, news, ctx) => ({
            interfaces: ctx.state.get(T.instance, id)?.interfaces ?? [],
            outs: {
                ...Object.fromEntries(
                    ["arn", "privateIp", "privateDns", "publicIp", "publicDns", "availabilityZone", "instanceState", "primaryNetworkInterfaceId"].map((k) => [
                        k,
                        (olds as Record<string, unknown>)[k],
                    ]),
                ),
                tagsAll: tagsAll(ctx, news.tags),
            },
        }),
    });
}
