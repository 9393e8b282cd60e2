// Interface endpoint services a Region offers, and in which Availability Zones.
import type { Inventory } from "../inventory";

/**
 * Regions with a DataSync FIPS endpoint (AWS General Reference, "AWS DataSync endpoints and
 * quotas", FIPS column). GUESS: the list as read there; Regions added since are missing.
 */
const DATASYNC_FIPS_REGIONS = new Set(["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "us-gov-east-1", "us-gov-west-1"]);

/** Every Availability Zone the world's subnets (or the double's) use in a Region. */
function zonesOf(inv: Inventory, region: string): string[] {
    const zones = new Set<string>();
    for (const account of inv.accounts()) {
        for (const s of Object.values(inv.rw({ account, region }).subnets ?? {})) {
            zones.add(s.availabilityZone);
        }
    }
    for (const l of inv.state.ofType("aws:ec2/subnet:Subnet").filter((x) => x.region === region)) {
        zones.add(l.outputs.availabilityZone);
    }
    return [...zones].sort();
}

/**
 * The services of one Region: com.amazonaws.<region>.datasync everywhere (and -fips where AWS has
 * it), offered in every zone the world uses unless the world lists the service with its own zones.
 */
export function endpointServices(inv: Inventory, region: string): Record<string, { availabilityZones: string[] }> {
    const zones = zonesOf(inv, region);
    const out: Record<string, { availabilityZones: string[] }> = { [`com.amazonaws.${region}.datasync`]: { availabilityZones: zones } };
    if (DATASYNC_FIPS_REGIONS.has(region)) {
        out[`com.amazonaws.${region}.datasync-fips`] = { availabilityZones: zones };
    }
    for (const account of inv.accounts()) {
        Object.assign(out, inv.rw({ account, region }).endpointServices ?? {});
    }
    return out;
}
