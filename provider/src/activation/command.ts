// The activation Command resource. Lifecycle: the Command is replaced - a fresh key minted - only
// when something the key or CreateAgent is bound to changes: the instance, the agent's address,
// the endpoint, its IP, the activation subnet or security group (every ForceNew argument of
// aws.datasync.Agent), or reactivationTrigger. Keys are single-use and expire after 30 minutes,
// and port 80 closes after activation, so re-running on an ordinary update would wait out the
// deadline and fail; everything else is ignored on update.
//
// The Command is deleted before it is replaced. The engine then deletes the dependents it would
// replace first (pulumi pkg/resource/deploy/step_generator.go, calculateDependentReplacements):
// the old aws.datasync.Agent goes before the new key is requested, which is what reopens the VM's
// port 80 (about 3 minutes after DeleteAgent; the script's deadline covers it).
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import type { ActivationSettings } from "../args/activation";
import { DEFAULTS } from "../plan/defaults";
import { ActivationTarget, identityVariables, limitVariables, remoteCommand, remoteStdin } from "./plan";
import { activationScript } from "./script";
import { installActivationScript, LOCAL_ACTIVATION_COMMAND } from "./scriptFile";

export interface ActivationInputs {
    settings: ActivationSettings;
    target: pulumi.Output<ActivationTarget>;
    /** Beyond the target: the values that need a fresh key when they change (instance, endpoint, subnet and group ARNs). */
    bindings: pulumi.Input<string>[];
    /** What must exist before the request: security group rules, routes. */
    dependsOn?: pulumi.Input<pulumi.Input<pulumi.Resource>[]>;
}

function secretOrUndefined(v: pulumi.Input<string> | undefined): pulumi.Output<string> | undefined {
    return v === undefined ? undefined : pulumi.secret(v);
}

/** The script without its comments and blank lines: the remote command text is stored per agent. */
export function compactScript(text: string): string {
    return text
        .split("\n")
        .filter((line) => !/^\s*(#.*)?$/.test(line))
        .join("\n");
}

/** The script's deadlines, resolved together (both modes hand them to the script). */
function limitsOf(s: ActivationSettings) {
    return pulumi
        .all([s.timeoutSeconds, s.requestTimeoutSeconds])
        .apply(([timeoutSeconds, requestTimeoutSeconds]) => ({ timeoutSeconds, requestTimeoutSeconds }));
}

function remote(
    name: string,
    s: ActivationSettings,
    i: ActivationInputs,
    triggers: pulumi.Input<unknown>[],
    opts: pulumi.CustomResourceOptions,
): command.remote.Command {
    const j = s.jumpHost!;
    const limits = limitsOf(s);
    const proxy = j.proxy;
    return new command.remote.Command(
        `${name}-activation`,
        {
            connection: {
                host: j.host,
                user: j.user ?? DEFAULTS.ssh.user,
                port: j.port ?? DEFAULTS.ssh.port,
                privateKey: secretOrUndefined(j.privateKey),
                proxy: proxy
                    ? {
                          host: proxy.host,
                          user: proxy.user ?? DEFAULTS.ssh.user,
                          port: proxy.port ?? DEFAULTS.ssh.port,
                          privateKey: secretOrUndefined(proxy.privateKey ?? j.privateKey),
                      }
                    : undefined,
            },
            create: i.target.apply(remoteCommand),
            stdin: limits.apply((l) => remoteStdin(compactScript(activationScript()), l)),
            logging: "stderr",
            triggers,
        },
        // The script and the deadlines (stdin) and the SSH details change nothing the key is bound to.
        { ...opts, ignoreChanges: ["stdin", "connection"] },
    );
}

function local(
    name: string,
    s: ActivationSettings,
    i: ActivationInputs,
    triggers: pulumi.Input<unknown>[],
    opts: pulumi.CustomResourceOptions,
): command.local.Command {
    installActivationScript();
    const limits = limitsOf(s);
    return new command.local.Command(
        `${name}-activation`,
        {
            create: LOCAL_ACTIVATION_COMMAND,
            environment: pulumi.all([i.target, limits]).apply(([t, l]) => ({ ...identityVariables(t), ...limitVariables(l) })),
            logging: "stderr",
            triggers,
        },
        { ...opts, ignoreChanges: ["create", "environment.ACTIVATION_TIMEOUT_SECONDS", "environment.ACTIVATION_REQUEST_TIMEOUT_SECONDS"] },
    );
}

/** Returns the activation key as a secret output. */
export function activationKey(name: string, i: ActivationInputs, parent: pulumi.Resource): pulumi.Output<string> {
    const s = i.settings;
    const mode = s.mode ?? DEFAULTS.activation.mode;
    if (mode === "manual") {
        return pulumi.secret(pulumi.output(s.manualKey!).apply((k) => k.trim()));
    }
    const triggers = [...i.bindings, i.target.apply((t) => JSON.stringify(identityVariables(t))), s.reactivationTrigger ?? ""];
    const opts: pulumi.CustomResourceOptions = { parent, dependsOn: i.dependsOn, additionalSecretOutputs: ["stdout"], deleteBeforeReplace: true };
    const cmd = mode === "remote" ? remote(name, s, i, triggers, opts) : local(name, s, i, triggers, opts);
    return pulumi.secret(cmd.stdout.apply((out) => out.trim()));
}
