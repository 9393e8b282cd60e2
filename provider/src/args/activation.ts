import * as pulumi from "@pulumi/pulumi";
import { Integer } from "./integer";

/**
 * Where the activation request to the agent's port 80 is made from.
 * "local": the machine running Pulumi; "remote": an SSH jump host that reaches the agent;
 * "manual": no request at all, the key is read from the agent's local console and supplied as `manualKey`.
 */
export type ActivationMode = "local" | "remote" | "manual";

/** What an SSH connection to one host needs: the jump host, or the proxy in front of it. */
export interface SshHost {
    /** Host name or IP. */
    host: pulumi.Input<string>;
    /**
     * SSH user.
     * @default ssh.user
     */
    user?: pulumi.Input<string>;
    /**
     * SSH port.
     * @default ssh.port
     */
    port?: pulumi.Input<Integer>;
    /**
     * PEM private key. Defaults to, for a proxy, the jump host's key; for the jump host, the SSH agent of the
     * machine running Pulumi.
     * @secret
     */
    privateKey?: pulumi.Input<string>;
}

/** An SSH proxy the jump-host connection goes through. */
export interface SshProxy extends SshHost {}

/** An SSH host that can reach the agent's port 80 and runs the activation script. */
export interface JumpHost extends SshHost {
    /** Optional SSH proxy to reach the jump host through. Defaults to a direct connection. */
    proxy?: SshProxy;
}

/** How the one-time activation key is obtained from the agent. */
export interface ActivationSettings {
    /**
     * Where the activation request is made from.
     * @default activation.mode
     */
    mode?: ActivationMode;
    /**
     * Address to send the activation request to instead of the agent's own IP: a tunnel or load
     * balancer, as "host" or "host:port". Defaults to the agent's address (port 80).
     */
    addressOverride?: pulumi.Input<string>;
    /** The SSH jump host for mode "remote". Required in that mode, not allowed in others. */
    jumpHost?: JumpHost;
    /**
     * The activation key read from the agent's local console, for mode "manual". It expires
     * 30 minutes after the agent minted it and can be used once. Required in mode "manual", not allowed in others.
     * @secret
     */
    manualKey?: pulumi.Input<string>;
    /**
     * Overall deadline for obtaining the key, in seconds.
     * @default activation.timeoutSeconds
     */
    timeoutSeconds?: pulumi.Input<Integer>;
    /**
     * Deadline for each request to the agent, in seconds; at most `timeoutSeconds`. Defaults to
     * {@default activation.requestTimeoutSeconds}, or to `timeoutSeconds` when that is shorter.
     */
    requestTimeoutSeconds?: pulumi.Input<Integer>;
    /**
     * Change this value to force a fresh key and re-activation (for example after deleting the
     * DataSync agent by hand). Defaults to none: a key is requested only when the agent's identity
     * (instance, address or endpoint) changes.
     */
    reactivationTrigger?: pulumi.Input<string>;
}
