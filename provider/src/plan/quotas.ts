// AWS's default quotas that a DataSync setup can run into, and checks of what the component
// plans against them. Source for every number: "Amazon VPC quotas" (Amazon VPC User Guide,
// amazon-vpc-limits), sections "Security groups", "VPC endpoints" / "PrivateLink", "Route tables".
// Quotas are per Region; the rule quotas are adjustable in Service Quotas, which is why the
// security group one can be given as an input.

export interface Quota {
    /** The quota's name as AWS's quotas page gives it. */
    name: string;
    value: number;
}

export const QUOTAS = {
    /** "Inbound or outbound rules per security group": 60, enforced separately for each direction. */
    rulesPerSecurityGroup: { name: "inbound or outbound rules per security group", value: 60 },
    /** "Security groups per network interface": 5. */
    securityGroupsPerInterface: { name: "security groups per network interface", value: 5 },
    /** "Routes per route table (non-propagated routes)": 50. */
    routesPerRouteTable: { name: "routes per route table (non-propagated)", value: 50 },
    /** "Interface and Gateway Load Balancer endpoints per VPC": 50. */
    interfaceEndpointsPerVpc: { name: "interface endpoints per VPC", value: 50 },
} as const satisfies Record<string, Quota>;

export interface QuotaUse {
    /** What is counted, e.g. "the endpoint security group's inbound rules". */
    what: string;
    used: number;
    limit: number;
    quota: string;
}

/** The message for a planned count over its quota; undefined when it fits. */
export function overQuota(u: QuotaUse): string | undefined {
    if (u.used <= u.limit) {
        return undefined;
    }
    return `${u.what} would be ${u.used}, over AWS's quota of ${u.limit} ${u.quota}`;
}
