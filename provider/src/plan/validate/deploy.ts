// Checks on facts looked up at deployment (subnets, VPC ranges, the provider's Region).
// They run when the lookups resolve and gate every child resource, so a bad subnet
// fails the update before the first resource is created.
import { findCrossSideOverlaps, LabelledRange } from "../cidr";
import { Problems } from "../problems";
import { reportOverlap } from "./link";

export interface SubnetFacts {
    id: string;
    vpcId: string;
    availabilityZone: string;
    availableIpAddressCount: number;
    cidrBlock: string;
    arn: string;
}

/** Task ENIs take 4 addresses per task, and the endpoint one more in its subnet. */
export const MIN_FREE_IPS_ACTIVATION_SUBNET = 5;

export function checkSubnetFacts(p: Problems, path: string, vpcId: string, subnets: SubnetFacts[], activationSubnetId: string): void {
    const byAz = new Map<string, number>();
    subnets.forEach((s, i) => {
        if (s.vpcId !== vpcId) {
            p.add(`${path}[${i}]`, s.id, `is in ${s.vpcId}, not in the destination VPC ${vpcId}`, "use subnets of the endpoint's VPC");
        }
        const first = byAz.get(s.availabilityZone);
        if (first !== undefined) {
            p.add(`${path}[${i}]`, s.id, `is the second endpoint subnet in ${s.availabilityZone} (with ${path}[${first}]); an interface endpoint takes one subnet per Availability Zone`, "keep one subnet per Availability Zone");
        } else {
            byAz.set(s.availabilityZone, i);
        }
        const need = s.id === activationSubnetId ? MIN_FREE_IPS_ACTIVATION_SUBNET : 1;
        if (s.availableIpAddressCount < need) {
            p.add(`${path}[${i}]`, s.id, `has ${s.availableIpAddressCount} free IP addresses; ${need} are needed (${need === 1 ? "the endpoint interface" : "4 task interfaces and the endpoint interface"})`, "pick a subnet with free addresses, or free some");
        }
    });
}

/** Overlap check including ranges looked up from the VPCs themselves (secondary CIDRs users forget). */
export function checkLookedUpRanges(p: Problems, declared: LabelledRange[], lookedUp: LabelledRange[]): void {
    // Declared-versus-declared pairs were reported by the input checks already.
    const fresh = new Set(lookedUp);
    findCrossSideOverlaps([...declared, ...lookedUp])
        .filter((o) => fresh.has(o.a) || fresh.has(o.b))
        .forEach((o) => reportOverlap(p, o));
}

export interface EndpointFacts {
    id: string;
    vpcId: string;
    serviceName: string;
    privateDnsEnabled: boolean;
}

/** An adopted endpoint must be the DataSync service of this Region, in this VPC, with private DNS off. */
export function checkExistingEndpoint(p: Problems, path: string, e: EndpointFacts, vpcId: string, serviceName: string): void {
    if (e.serviceName !== serviceName) {
        p.add(path, e.id, `serves ${e.serviceName}, not ${serviceName}`, "adopt the DataSync interface endpoint of the endpoint's Region (FIPS only when fips is true)");
    }
    if (e.vpcId !== vpcId) {
        p.add(path, e.id, `is in ${e.vpcId}, not in the destination VPC ${vpcId}`, "adopt an endpoint of the destination VPC, or change vpcId");
    }
    if (e.privateDnsEnabled) {
        p.add(path, e.id, "has private DNS enabled; an agent then resolves the public service name and cannot activate privately", "disable private DNS on the endpoint, or let the component create one");
    }
}
