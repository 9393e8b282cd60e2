// Checks of the endpoint's side against what the lookups found. They run before any child
// resource exists, so a bad subnet fails the update before the first resource is created.
import { AdoptedEndpointFacts, EndpointFacts, isMissing, SubnetFacts } from "../facts";
import { Problems } from "../problems";
import { present, reportMissing } from "./missing";

/** Where each endpoint input sits in the calling component's args (PrivateAgent and ServiceEndpoint differ). */
export interface EndpointPaths {
    vpcId: string;
    subnetIds: string;
    fips: string;
    existingVpcEndpointId: string;
    existingSecurityGroupId: string;
}

export interface EndpointCheckInputs {
    vpcId: string;
    activationSubnetId: string;
    serviceName: string;
    fips: boolean;
    /** The component creates the endpoint (no existingVpcEndpointId). */
    creates: boolean;
    existingSecurityGroupId?: string;
}

/** A task takes 4 addresses in the activation subnet (DataSync "Network interfaces"). */
export const TASK_ADDRESSES = 4;

function checkSubnets(p: Problems, paths: EndpointPaths, i: EndpointCheckInputs, f: EndpointFacts): void {
    const byAz = new Map<string, number>();
    const zones = present(f.serviceZones) ? f.serviceZones : undefined;
    const own = present(f.ownEndpointSubnets) ? f.ownEndpointSubnets : undefined;
    f.subnets.forEach((s, n) => {
        const path = `${paths.subnetIds}[${n}]`;
        reportMissing(p, path, s, "subnet", "destination");
        if (!present(s)) {
            return;
        }
        // Against a VPC AWS does not have, every subnet would be "elsewhere": that is said once, at the VPC.
        if (s.vpcId !== i.vpcId && !isMissing(f.vpcRanges)) {
            p.add(path, s.id, `is in ${s.vpcId}, not in the endpoint's VPC ${i.vpcId}`, "use subnets of the endpoint's VPC");
        }
        const first = byAz.get(s.availabilityZone);
        if (first !== undefined) {
            p.add(
                path,
                s.id,
                `is the second endpoint subnet in ${s.availabilityZone} (with ${paths.subnetIds}[${first}]); an interface endpoint takes one subnet per Availability Zone`,
                "keep one subnet per Availability Zone",
            );
        } else {
            byAz.set(s.availabilityZone, n);
        }
        if (zones && !zones.includes(s.availabilityZone)) {
            p.add(
                path,
                s.id,
                `is in ${s.availabilityZone}, where ${i.serviceName} is not offered (it is in ${zones.join(", ") || "no zone"})`,
                "pick a subnet in a zone the DataSync endpoint service is offered in",
            );
        }
        checkAddresses(p, path, i, s, own);
    });
}

/**
 * The endpoint's interface needs one free address in each of its subnets until it exists (on a
 * later deployment it holds its own), and tasks need 4 each in the activation subnet. Only the
 * first is certain to fail; running tasks hold addresses for a while, so the second is a warning.
 */
function checkAddresses(p: Problems, path: string, i: EndpointCheckInputs, s: SubnetFacts, own: string[] | undefined): void {
    const needsInterface = i.creates && own !== undefined && !own.includes(s.id);
    if (needsInterface && s.availableIpAddressCount < 1) {
        p.add(path, s.id, "has no free IP address for the endpoint's network interface", "pick a subnet with free addresses, or free some");
    }
    if (s.id === i.activationSubnetId) {
        const left = s.availableIpAddressCount - (needsInterface ? 1 : 0);
        if (left < TASK_ADDRESSES) {
            p.warn(
                `activation subnet ${s.id} will have ${Math.max(left, 0)} free IP addresses; each DataSync task needs ${TASK_ADDRESSES} in it while it runs`,
            );
        }
    }
}

function checkAdopted(p: Problems, paths: EndpointPaths, i: EndpointCheckInputs, e: AdoptedEndpointFacts): void {
    const path = paths.existingVpcEndpointId;
    if (e.serviceName !== i.serviceName) {
        p.add(
            path,
            e.id,
            `serves ${e.serviceName}, not ${i.serviceName}`,
            `adopt the DataSync interface endpoint of the endpoint's Region${i.fips ? " (FIPS)" : ""}`,
        );
    }
    if (e.vpcId !== i.vpcId) {
        p.add(path, e.id, `is in ${e.vpcId}, not in the endpoint's VPC ${i.vpcId}`, "adopt an endpoint of that VPC, or change vpcId");
    }
    if (!e.interfaces.some((n) => n.subnetId === i.activationSubnetId)) {
        p.add(
            path,
            e.id,
            `has no network interface in the activation subnet ${i.activationSubnetId} (its subnets: ${[...new Set(e.interfaces.map((n) => n.subnetId))].join(", ") || "none"}); the key is bound to the endpoint's address in that subnet`,
            "add the activation subnet to the endpoint, or pick one of its subnets as the activation subnet",
        );
    }
    if (e.state !== "available") {
        p.add(path, e.id, `is ${e.state}, not available`, "wait until the endpoint is available, or adopt another");
    }
    if (e.privateDnsEnabled) {
        // AWS (DataSync, "Choosing a service endpoint"): disable private DNS "in case you have agents in
        // the same VPC that need to use a public service endpoint"; a private agent activates by IP.
        p.warn(
            `VPC endpoint ${e.id} has private DNS enabled: agents in its VPC that use a public DataSync endpoint cannot reach it while this is on; private agents are not affected`,
        );
    }
    const group = i.existingSecurityGroupId;
    if (group !== undefined && !e.securityGroupIds.includes(group)) {
        p.add(
            paths.existingSecurityGroupId,
            group,
            `is not attached to ${e.id} (its groups: ${e.securityGroupIds.join(", ") || "none"}); rules added there would not reach the endpoint`,
            `adopt one of the endpoint's groups, or attach ${group} to the endpoint`,
        );
    }
    if (group === undefined && e.securityGroupIds.length !== 1) {
        p.add(
            paths.existingSecurityGroupId,
            undefined,
            `${e.id} has ${e.securityGroupIds.length} security groups (${e.securityGroupIds.join(", ") || "none"}), so which one to open to the agents is not clear`,
            "set existingSecurityGroupId to the group the agents' rules belong in",
        );
    }
}

export function checkEndpointFacts(p: Problems, paths: EndpointPaths, i: EndpointCheckInputs, f: EndpointFacts): void {
    if (f.serviceZones === undefined) {
        p.add(
            paths.fips,
            i.fips,
            `${i.serviceName} does not exist in this Region`,
            i.fips ? "set fips to false, or place the endpoint in a Region with a DataSync FIPS endpoint" : "place the endpoint in a Region DataSync supports",
        );
    }
    reportMissing(p, paths.vpcId, f.vpcRanges, "VPC", "destination");
    reportMissing(p, paths.existingVpcEndpointId, f.adopted, "VPC endpoint", "destination");
    reportMissing(p, paths.existingSecurityGroupId, f.adoptedGroup, "security group", "destination");
    checkSubnets(p, paths, i, f);
    if (present(f.adopted)) {
        checkAdopted(p, paths, i, f.adopted);
    }
    if (present(f.adoptedGroup) && f.adoptedGroup.vpcId !== i.vpcId) {
        p.add(
            paths.existingSecurityGroupId,
            f.adoptedGroup.id,
            `is in ${f.adoptedGroup.vpcId}, not in the endpoint's VPC ${i.vpcId}`,
            "adopt a security group of the endpoint's VPC",
        );
    }
}
