// Region facts DataSync depends on.

// Two to four letters of partition or geography, one or two words, a number: us-east-1, us-gov-west-1,
// us-isob-east-1, eusc-de-east-1 (the European Sovereign Cloud). Existence is checked against
// DescribeRegions at deployment; this only tells a code from a display name.
const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+){1,2}-\d+$/;

export function isRegion(value: unknown): value is string {
    return typeof value === "string" && REGION_PATTERN.test(value);
}

/** The interface endpoint service name, e.g. com.amazonaws.eu-west-2.datasync. */
export function datasyncServiceName(region: string, fips: boolean): string {
    return `com.amazonaws.${region}.${fips ? "datasync-fips" : "datasync"}`;
}

/** The activation request's endpointType for a private endpoint. */
export function endpointType(fips: boolean): "PRIVATE_LINK" | "FIPS_PRIVATE_LINK" {
    return fips ? "FIPS_PRIVATE_LINK" : "PRIVATE_LINK";
}

const VPC_ENDPOINT_ID = /^vpce-[0-9a-f]{17}$/;

/** A VPC endpoint ID as CreateAgent accepts it: vpce- and 17 hex digits. */
export function isVpcEndpointId(v: unknown): v is string {
    return typeof v === "string" && VPC_ENDPOINT_ID.test(v);
}

const DATASYNC_SERVICE = /^com\.amazonaws\.([a-z0-9-]+)\.datasync(-fips)?$/;

/** The reverse of datasyncServiceName: the Region and FIPS-ness of a DataSync service name. */
export function parseDataSyncServiceName(serviceName: string): { region: string; fips: boolean } | undefined {
    const m = DATASYNC_SERVICE.exec(serviceName);
    if (!m || !isRegion(m[1])) {
        return undefined;
    }
    return { region: m[1], fips: m[2] !== undefined };
}
