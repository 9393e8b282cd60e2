// Every default of the package, as data. The code applies them from here; the schema generator
// reads them from here too, where an args property names one in its JSDoc:
//   `@default activation.timeoutSeconds`   a fixed default: schema.json carries it as `default`, so
//                                          the SDKs fill it in and docs/reference.md shows it;
//   `{@default instance.type}`             a default that depends on other inputs (or a fixed value
//                                          that is not an input): its value is written into the
//                                          description, and the SDKs send nothing.
// The generator fails on a path that is not here and on an entry no property names, so the JSDoc
// describes behaviour and never repeats a number. Pure data: no Pulumi.
import type { ActivationMode } from "../args/activation";
import type { AgentMode } from "../args/agentSpec";
import type { TransitGatewaySharing } from "../args/link";
import type { IngressScope } from "../args/privateAgent";

export const DEFAULTS = {
    activation: {
        mode: "local" as ActivationMode,
        timeoutSeconds: 600,
        // Per request; a shorter overall deadline takes its place (defaultRequestTimeoutSeconds).
        requestTimeoutSeconds: 10,
    },
    ssh: {
        user: "ec2-user",
        port: 22,
    },
    side: {
        sessionName: "datasync-privatelink",
    },
    agent: {
        mode: "basic" as AgentMode,
    },
    endpoint: {
        fips: false,
        supportChannel: false,
    },
    activationAccess: {
        allowWorldActivationSource: false,
    },
    link: {
        transitGatewaySharing: "ram" as TransitGatewaySharing,
    },
    fleet: {
        ingressScope: "agentAddresses" as IngressScope,
        // AWS's default quota of inbound (and of outbound) rules per security group (plan/quotas.ts).
        securityGroupRuleQuota: 60,
    },
    storage: {
        protocol: "tcp" as "tcp" | "udp",
    },
    instance: {
        // DataSync needs at least a 2xlarge (AWS's agent requirements).
        type: { basic: "m5.2xlarge", enhanced: "m6a.2xlarge" } as Record<AgentMode, string>,
        // Public SSM parameters AWS publishes the agent AMI under.
        amiParameter: { basic: "/aws/service/datasync/ami", enhanced: "/aws/service/datasync/ami/v3" } as Record<AgentMode, string>,
        // Not an input: the size of the root volume the component gives every EC2 agent.
        rootVolumeGib: 80,
    },
} as const;

/** The per-request deadline when none is given: the default, or the overall deadline when that is shorter. */
export function defaultRequestTimeoutSeconds(overallSeconds: number): number {
    return Math.min(DEFAULTS.activation.requestTimeoutSeconds, overallSeconds);
}
