// AWS default quotas the double enforces, each with its source and the error EC2 answers when it
// is reached. The error codes are from the EC2 API error code list
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html); the messages are
// the codes' descriptions there. The quota name and code appended in parentheses are the double's
// addition, so a failing test says which quota bit (AWS's own messages do not name the code).
import { ApiError } from "./contract";

export interface Quota {
    name: string;
    /** Service Quotas code. */
    code: string;
    value: number;
    source: string;
    error: string;
    message: string;
}

export const QUOTAS = {
    inboundRulesPerGroup: {
        name: "Inbound rules per security group",
        code: "L-0EA8095F",
        value: 60,
        source: "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups (enforced separately for IPv4 and IPv6; a referenced prefix list counts as its maximum entries)",
        error: "RulesPerSecurityGroupLimitExceeded",
        message: "The maximum number of rules per security group has been reached.",
    },
    outboundRulesPerGroup: {
        name: "Outbound rules per security group",
        code: "L-0EA8095F",
        value: 60,
        source: "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups (same quota as inbound, counted separately)",
        error: "RulesPerSecurityGroupLimitExceeded",
        message: "The maximum number of rules per security group has been reached.",
    },
    groupsPerInterface: {
        name: "Security groups per network interface",
        code: "L-2AFB9258",
        value: 5,
        source: "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups",
        error: "SecurityGroupsPerInterfaceLimitExceeded",
        message: "You've reached the maximum number of security groups that can be associated with a network interface.",
    },
    interfaceEndpointsPerVpc: {
        name: "Interface and Gateway Load Balancer endpoints per VPC",
        code: "L-29B6F2EB",
        value: 50,
        source: "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html",
        // GUESS: the EC2 error code list has no endpoint-specific limit code; VpcEndpointLimitExceeded is assumed.
        error: "VpcEndpointLimitExceeded",
        message: "You've reached the limit on the number of VPC endpoints that you can create in the VPC.",
    },
    routesPerTable: {
        name: "Routes per route table",
        code: "L-93826ACB",
        value: 50,
        source: "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-route-tables (non-propagated routes)",
        error: "RouteLimitExceeded",
        message: "The maximum number of routes has been reached.",
    },
} satisfies Record<string, Quota>;

/** Refuses when `count` more would take `used` past the quota. */
export function enforce(q: Quota, used: number, count = 1, what = ""): void {
    if (used + count > q.value) {
        throw new ApiError(q.error, `${q.message} (quota: ${q.name} = ${q.value}, ${q.code}; ${used} in use${what ? ` ${what}` : ""})`);
    }
}
