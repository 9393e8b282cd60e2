// The activation Command resource. Lifecycle: the Command is replaced (a fresh key
// minted) only when the agent's identity changes - the instance, the address, the
// endpoint or its IP - or when the user bumps reactivationTrigger. Keys are single-use
// and expire after 30 minutes, and port 80 closes after activation, so re-running on
// an ordinary update would hang until the deadline and fail.
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import type { ActivationSettings } from "../args/activation";
import { ActivationTarget, identityVariables, limitVariables, remoteCommand, remoteStdin } from "./plan";
import { activationScript } from "./script";

export interface ActivationInputs {
    settings: ActivationSettings;
    target: pulumi.Output<ActivationTarget>;
    /** The agent's identity beyond the target (e.g. the EC2 instance ID). */
    identity: pulumi.Input<string>;
    /** What must exist before the request: security group rules, routes. */
    dependsOn?: pulumi.Resource[];
}

function secretOrUndefined(v: pulumi.Input<string> | undefined): pulumi.Output<string> | undefined {
    return v === undefined ? undefined : pulumi.secret(v);
}

const SECRET_STDOUT = { additionalSecretOutputs: ["stdout"] };

/** Returns the activation key as a secret output. */
export function activationKey(name: string, inputs: ActivationInputs, parent: pulumi.Resource): pulumi.Output<string> {
    const s = inputs.settings;
    const mode = s.mode ?? "local";
    if (mode === "manual") {
        return pulumi.secret(pulumi.output(s.manualKey!).apply((k) => k.trim()));
    }
    const triggers = [inputs.identity, inputs.target.apply((t) => JSON.stringify(identityVariables(t))), s.reactivationTrigger ?? ""];
    const limits = pulumi.all([s.timeoutSeconds, s.requestTimeoutSeconds]).apply(([timeoutSeconds, requestTimeoutSeconds]) => ({ timeoutSeconds, requestTimeoutSeconds }));
    // Everything but the identity (script text, limits, SSH details) is ignored on
    // update: changing it must not mint a key for an agent that is already active.
    const opts: pulumi.CustomResourceOptions = { parent, dependsOn: inputs.dependsOn, ...SECRET_STDOUT };
    let cmd: command.local.Command | command.remote.Command;
    if (mode === "remote") {
        const j = s.jumpHost!;
        cmd = new command.remote.Command(
            `${name}-activation`,
            {
                connection: {
                    host: j.host,
                    user: j.user ?? "ec2-user",
                    port: j.port ?? 22,
                    privateKey: secretOrUndefined(j.privateKey),
                    proxy: j.proxy ? { host: j.proxy.host, user: j.proxy.user ?? "ec2-user", port: j.proxy.port ?? 22, privateKey: secretOrUndefined(j.proxy.privateKey ?? j.privateKey) } : undefined,
                },
                create: limits.apply((l) => remoteCommand(activationScript(), l)),
                stdin: inputs.target.apply(remoteStdin),
                logging: "stderr",
                triggers,
            },
            { ...opts, ignoreChanges: ["create", "connection"] },
        );
    } else {
        cmd = new command.local.Command(
            `${name}-activation`,
            {
                create: activationScript(),
                environment: pulumi.all([inputs.target, limits]).apply(([t, l]) => ({ ...identityVariables(t), ...limitVariables(l) })),
                logging: "stderr",
                triggers,
            },
            { ...opts, ignoreChanges: ["create", "environment.ACTIVATION_TIMEOUT_SECONDS", "environment.ACTIVATION_REQUEST_TIMEOUT_SECONDS"] },
        );
    }
    return pulumi.secret(cmd.stdout.apply((out) => out.trim()));
}
