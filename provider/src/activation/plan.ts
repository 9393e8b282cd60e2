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

/**
 * The remote command text: the agent's identity and `exec env ... /bin/sh -s`, which any login shell
 * runs (zsh, fish and bash alike). sshd often refuses client environment variables (AcceptEnv), so
 * nothing travels in the SSH environment. The identity changes only together with the Command's
 * triggers (a replacement), so this text is never ignored; the script itself arrives on stdin.
 * Values are validated (an address, a Region, an IP, a constant): no quoting needed, but quoted anyway.
 */
export function remoteCommand(t: ActivationTarget): string {
    const vars = Object.entries(identityVariables(t)).map(([k, v]) => `${k}=${shQuote(v)}`);
    return `exec env ${vars.join(" ")} /bin/sh -s`;
}

/**
 * What the remote shell reads: the deadlines, then the script as one brace group, which sh parses
 * whole before it runs it, with stdin from /dev/null so that nothing in the script can read the rest.
 */
export function remoteStdin(script: string, limits: ActivationLimits): string {
    const vars = limitVariables(limits);
    const assigns = Object.entries(vars).map(([k, v]) => `${k}=${shQuote(v)}`);
    return `${assigns.join(" ")}\nexport ${Object.keys(vars).join(" ")}\n{\n${script}\n} </dev/null\n`;
}
