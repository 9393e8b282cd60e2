// The Regions where DataSync has a FIPS endpoint: the pack's own SNAPSHOT, used only by the
// service-name policy to tell a "-fips" service name that cannot exist from one that may. The
// components do not use it: they look the endpoint service up in the Region at deployment
// (getVpcEndpointService), which is the authority.
//
// Source: botocore 1.43.11, data/endpoints.json, service "datasync": every Region with an endpoint
// variant tagged "fips" (hostname datasync-fips.<region>.amazonaws.com, .c2s.ic.gov in aws-iso);
// AWS's FIPS endpoints page (https://aws.amazon.com/compliance/fips/) is the human-readable form.
// Snapshot taken 2026-06: a Region added later is reported as having no FIPS endpoint until this
// list is updated. DataSync's document history (2025-09-30) says FIPS VPC endpoints can be chosen
// "in FIPS-enabled AWS Regions" (choose-service-endpoint page); that the FIPS API Regions are
// exactly those is an ASSUMPTION, which is why the components look the service up instead.
export const FIPS_SNAPSHOT = {
    source: "botocore 1.43.11 data/endpoints.json (datasync, variants tagged fips)",
    regions: [
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
        "ca-central-1",
        "ca-west-1",
        "us-gov-east-1",
        "us-gov-west-1",
        "us-iso-east-1",
        "us-iso-west-1",
    ] as readonly string[],
};

export function hasFipsEndpoint(region: string): boolean {
    return FIPS_SNAPSHOT.regions.includes(region);
}
