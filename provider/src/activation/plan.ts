// What the activation Command runs, as plain data. Pure: no Pulumi here.
import { DEFAULTS, defaultRequestTimeoutSeconds } from "../plan/defaults";
import { endpointType } from "../plan/regions";

export interface ActivationTarget {
    /** Where the request goes: the agent's IP, or the override (host[:port]). */
    agentAddress: string;
    region: string;
    fips: boolean;
    endpointIp: string;
}

export interface ActivationLimits {
    timeoutSeconds?: number;
    requestTimeoutSeconds?: number;
}

/** The agent's identity: the values that, changed, need a fresh key. */
export function identityVariables(t: ActivationTarget): Record<string, string> {
    return {
        AGENT_ADDRESS: t.agentAddress,
        ACTIVATION_REGION: t.region,
        ENDPOINT_TYPE: endpointType(t.fips),
        PRIVATE_LINK_ENDPOINT: t.endpointIp,
    };
}

export function limitVariables(l: ActivationLimits): Record<string, string> {
    const overall = l.timeoutSeconds ?? DEFAULTS.activation.timeoutSeconds;
    // A short overall deadline shortens the default per-request one instead of conflicting with it.
    return {
        ACTIVATION_TIMEOUT_SECONDS: String(overall),
        ACTIVATION_REQUEST_TIMEOUT_SECONDS: String(l.requestTimeoutSeconds ?? defaultRequestTimeoutSeconds(overall)),
    };
}

/** Single-quotes a value for sh. */
export function shQuote(v: string): string {
    return `'${v.replace(/'/g, `'\\''`)}'`;
}

const IDENTITY_ORDER = ["AGENT_ADDRESS", "ACTIVATION_REGION", "ENDPOINT_TYPE", "PRIVATE_LINK_ENDPOINT"];

/**
 * The remote command: sshd often refuses client environment variables (AcceptEnv), so
 * the identity arrives on stdin (one line) and the limits are set in the text. The
 * whole is handed to /bin/sh explicitly because the login shell may be zsh or fish.
 */
export function remoteCommand(script: string, limits: ActivationLimits): string {
    // The limits are validated whole numbers: no quoting needed.
    const exports = Object.entries(limitVariables(limits))
        .map(([k, v]) => `${k}=${v}`)
        .join(" ");
    const body = [`read -r ${IDENTITY_ORDER.join(" ")} || exit 2`, `export ${IDENTITY_ORDER.join(" ")}`, `export ${exports}`, script].join("\n");
    return `exec /bin/sh -c ${shQuote(body)}`;
}

/** The stdin line remoteCommand reads. Values are validated to contain no spaces. */
export function remoteStdin(t: ActivationTarget): string {
    const v = identityVariables(t);
    return `${IDENTITY_ORDER.map((k) => v[k]).join(" ")}\n`;
}
