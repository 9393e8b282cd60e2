// Policy 10: the Command that fetches an activation key keeps its output secret and out of logs.
import { StackValidationPolicy } from "@pulumi/policy";
import { activationCommands } from "../lib/commands";
import { label, Stack } from "../lib/stack";
import { field, str, UNKNOWN } from "../lib/values";

/** Command `logging` values that keep stdout (the key) out of the logs. */
const SAFE_LOGGING = ["stderr", "none"];

export const activationKeySecret: StackValidationPolicy = {
    name: "datasync-activation-key-secret",
    displayName: "The activation key is secret and not logged",
    description:
        "A command:local:Command or command:remote:Command that fetches a DataSync activation key (it feeds an aws.datasync.Agent's activationKey, or its script " +
        'or environment carries the activation request) must keep stdout out of the logs (logging "stderr" or "none") and mark stdout secret (additionalSecretOutputs).',
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["datasync", "activation", "secrets"],
    remediationSteps:
        'Set `logging: "stderr"` (or "none") on the Command, and pass `{ additionalSecretOutputs: ["stdout"] }` in its resource options so the key is encrypted in state. ' +
        "Print only the key on stdout and progress on stderr. A key that was logged or stored in plain text can be used once within 30 minutes of being minted; " +
        "after fixing, rotate by re-activating if it may still be unused.",
    validateStack: (args, reportViolation) => {
        const stack = new Stack(args.resources);
        const commands = activationCommands(stack);
        if (commands.length === 0) {
            args.notApplicable("no Command fetches a DataSync activation key");
        }
        for (const cmd of commands) {
            const logging = str(field(cmd.props, "logging"));
            if (logging !== UNKNOWN && !SAFE_LOGGING.includes(logging ?? "stdoutAndStderr")) {
                reportViolation(
                    `${label(cmd)} fetches a DataSync activation key, but its logging is ${logging === undefined ? 'unset (default "stdoutAndStderr")' : `"${logging}"`}, so the key on stdout is written to the logs. ` +
                        'Set logging to "stderr" or "none".',
                    cmd.urn,
                );
            }
            if (!(cmd.opts?.additionalSecretOutputs ?? []).includes("stdout")) {
                reportViolation(
                    `${label(cmd)} fetches a DataSync activation key, but "stdout" is not in its additionalSecretOutputs, so the key is stored in plain text in the state. ` +
                        'Add { additionalSecretOutputs: ["stdout"] } to its resource options.',
                    cmd.urn,
                );
            }
        }
    },
};
