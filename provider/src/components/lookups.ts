// Deploy-time lookups the components validate against and build from.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EndpointInterface, SubnetFacts } from "../plan";
import { invokeOn } from "./sides";

export function lookupSubnets(ids: pulumi.Input<pulumi.Input<string>[]>, parent: pulumi.Resource, provider?: aws.Provider): pulumi.Output<SubnetFacts[]> {
    return pulumi.output(ids).apply((list) =>
        pulumi.all(
            list.map((id) =>
                aws.ec2.getSubnetOutput({ id }, invokeOn(parent, provider)).apply((s) => ({
                    id: s.id,
                    vpcId: s.vpcId,
                    availabilityZone: s.availabilityZone,
                    availableIpAddressCount: s.availableIpAddressCount,
                    cidrBlock: s.cidrBlock,
                    arn: s.arn,
                })),
            ),
        ),
    );
}

export function lookupInterfaces(ids: pulumi.Input<string[]>, parent: pulumi.Resource, provider?: aws.Provider): pulumi.Output<EndpointInterface[]> {
    return pulumi.output(ids).apply((list) =>
        pulumi.all(
            list.map((id) =>
                aws.ec2.getNetworkInterfaceOutput({ id }, invokeOn(parent, provider)).apply((n) => ({ id: n.id, subnetId: n.subnetId, privateIp: n.privateIp })),
            ),
        ),
    );
}

/** Every IPv4 range of a VPC (primary and secondary associations). */
export function lookupVpcRanges(vpcId: pulumi.Input<string>, parent: pulumi.Resource, provider?: aws.Provider): pulumi.Output<string[]> {
    return aws.ec2
        .getVpcOutput({ id: vpcId }, invokeOn(parent, provider))
        .apply((v) => [...new Set([v.cidrBlock, ...(v.cidrBlockAssociations ?? []).map((a) => a.cidrBlock)])]);
}

export function lookupRegion(parent: pulumi.Resource, provider?: aws.Provider): pulumi.Output<string> {
    return aws.getRegionOutput({}, invokeOn(parent, provider)).region;
}

export function lookupAccount(parent: pulumi.Resource, provider?: aws.Provider): pulumi.Output<string> {
    return aws.getCallerIdentityOutput({}, invokeOn(parent, provider)).accountId;
}
