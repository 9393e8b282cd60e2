// How the pack recognises DataSync pieces in a stack built by hand with @pulumi/aws (or by this
// package's components, which create the same resource types).
import { field, record, str, strings, UNKNOWN } from "./values";

export { parseDataSyncServiceName } from "../../provider/src/plan/regions";

/**
 * True for any service name that is about DataSync, well-formed or not: one of its dot-separated
 * parts is "datasync" or "datasync-fips". Used to find endpoints whose name needs checking.
 */
export function mentionsDataSync(serviceName: string): boolean {
    return serviceName.split(".").some((part) => part === "datasync" || part === "datasync-fips");
}

/** A VPC endpoint for DataSync: its serviceName is known and names DataSync. */
export function isDataSyncEndpoint(props: Record<string, unknown>): boolean {
    const name = str(field(props, "serviceName"));
    return typeof name === "string" && mentionsDataSync(name);
}

/**
 * A tag key or value that marks an EC2 instance as a DataSync agent: "datasync-agent",
 * "DataSync agent", "datasync_agent", "prod-datasync-agent-1", ... (case-insensitive).
 */
export const AGENT_TAG_PATTERN = /datasync[\s_:-]*agent/i;

/** An EC2 instance whose tags (or tagsAll) say it is a DataSync agent. */
export function isTaggedAgent(props: Record<string, unknown>): boolean {
    for (const key of ["tags", "tagsAll"]) {
        const tags = record(field(props, key));
        if (tags === undefined || tags === UNKNOWN) {
            continue;
        }
        for (const [k, v] of Object.entries(tags)) {
            if (AGENT_TAG_PATTERN.test(k) || (typeof v === "string" && AGENT_TAG_PATTERN.test(v))) {
                return true;
            }
        }
    }
    return false;
}

/** An EC2 instance launched from one of the configured agent AMIs. */
export function usesAgentAmi(props: Record<string, unknown>, agentAmiIds: readonly string[]): boolean {
    const ami = str(field(props, "ami"));
    return typeof ami === "string" && agentAmiIds.includes(ami);
}

/**
 * Text that only an activation-key request contains: the query parameters of the agent's port-80
 * protocol, or the environment variables of this package's activate.sh.
 */
const ACTIVATION_MARKERS = /gatewayType=SYNC|endpointType=(?:FIPS_)?PRIVATE_LINK|privateLinkEndpoint=|activationKey|PRIVATE_LINK_ENDPOINT|ACTIVATION_REGION/;

/** A Command whose scripts or environment show that it fetches a DataSync activation key. */
export function commandFetchesActivationKey(props: Record<string, unknown>): boolean {
    for (const key of ["create", "update"]) {
        const script = str(field(props, key));
        if (typeof script === "string" && ACTIVATION_MARKERS.test(script)) {
            return true;
        }
    }
    const env = record(field(props, "environment"));
    if (env !== undefined && env !== UNKNOWN) {
        for (const [k, v] of Object.entries(env)) {
            if (ACTIVATION_MARKERS.test(k) || (typeof v === "string" && ACTIVATION_MARKERS.test(v))) {
                return true;
            }
        }
    }
    return false;
}

/** The string list at `key`, known elements only. */
export function knownStrings(props: Record<string, unknown>, key: string): string[] {
    const l = strings(field(props, key));
    return l === undefined || l === UNKNOWN ? [] : l.filter((x): x is string => typeof x === "string");
}
