import * as pulumi from "@pulumi/pulumi";

/**
 * Where the activation request to the agent's port 80 is made from.
 * "local": the machine running Pulumi; "remote": an SSH jump host that reaches the agent;
 * "manual": no request at all, the key is read from the agent's local console and supplied as `manualKey`.
 */
export type ActivationMode = "local" | "remote" | "manual";

/** An SSH proxy the jump-host connection goes through. */
export interface SshProxy {
    /** Proxy host name or IP. */
    host: pulumi.Input<string>;
    /** SSH user on the proxy. Defaults to "ec2-user". */
    user?: pulumi.Input<string>;
    /** SSH port on the proxy. Defaults to 22. */
    port?: pulumi.Input<number>;
    /**
     * PEM private key for the proxy. Defaults to the jump host's key.
     * @secret
     */
    privateKey?: pulumi.Input<string>;
}

/** An SSH host that can reach the agent's port 80 and runs the activation script. */
export interface JumpHost {
    /** Jump host name or IP. */
    host: pulumi.Input<string>;
    /** SSH user. Defaults to "ec2-user". */
    user?: pulumi.Input<string>;
    /** SSH port. Defaults to 22. */
    port?: pulumi.Input<number>;
    /**
     * PEM private key. Defaults to the SSH agent of the machine running Pulumi.
     * @secret
     */
    privateKey?: pulumi.Input<string>;
    /** Optional SSH proxy to reach the jump host through. Defaults to a direct connection. */
    proxy?: SshProxy;
}

/** How the one-time activation key is obtained from the agent. */
export interface ActivationSettings {
    /** Where the activation request is made from. Defaults to "local". */
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
    /** Overall deadline for obtaining the key, in seconds. Defaults to 600. */
    timeoutSeconds?: pulumi.Input<number>;
    /** Deadline for each request to the agent, in seconds. Defaults to 10. */
    requestTimeoutSeconds?: pulumi.Input<number>;
    /**
     * Change this value to force a fresh key and re-activation (for example after deleting the
     * DataSync agent by hand). Defaults to none: a key is requested only when the agent's identity
     * (instance, address or endpoint) changes.
     */
    reactivationTrigger?: pulumi.Input<string>;
}
