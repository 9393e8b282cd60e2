// Which DataSync endpoint an EC2 agent talks to, as far as the stack shows it:
//  - an aws.datasync.Agent whose ipAddress is the instance's address, or whose activationKey comes
//    from an activation Command computed from the instance (or naming its address), and whose
//    vpcEndpointId is an endpoint in the stack;
//  - otherwise, when the stack has exactly one DataSync endpoint, that one.
import { activationCommands } from "./commands";
import { dataSyncEndpoints } from "./groups";
import { Res, Stack } from "./stack";
import { COMMAND_TYPES, TYPES } from "./types";
import { field, record, str, UNKNOWN } from "./values";

function commandsOf(stack: Stack, instance: Res): Res[] {
    const addresses = [str(instance.props.privateIp), str(instance.props.publicIp)].filter((a): a is string => typeof a === "string" && a !== "");
    return activationCommands(stack).filter((cmd) => {
        if (stack.dependencies(cmd, ["environment"], [TYPES.instance]).includes(instance)) {
            return true;
        }
        const env = record(field(cmd.props, "environment"));
        return env !== undefined && env !== UNKNOWN && Object.values(env).some((v) => typeof v === "string" && addresses.includes(v));
    });
}

/** The aws.datasync.Agent resources activated from this instance. */
export function agentsOf(stack: Stack, instance: Res): Res[] {
    const commands = commandsOf(stack, instance);
    return stack.ofType(TYPES.datasyncAgent).filter((agent) => {
        const byIp = stack.refs(agent, "ipAddress", [TYPES.instance], ["privateIp", "publicIp"]).refs.some((r) => r.res === instance);
        const byKey = stack.refs(agent, "activationKey", COMMAND_TYPES, ["stdout"]).refs.some((r) => r.res !== undefined && commands.includes(r.res));
        return byIp || byKey;
    });
}

/** The DataSync endpoints in the stack this instance's agents use (see the file comment). */
export function endpointsOf(stack: Stack, instance: Res): Res[] {
    const all = dataSyncEndpoints(stack);
    const found = new Set<Res>();
    for (const agent of agentsOf(stack, instance)) {
        const e = stack.ref(agent, "vpcEndpointId", [TYPES.vpcEndpoint], ["id"]);
        if (e?.res && all.includes(e.res)) {
            found.add(e.res);
        }
    }
    if (found.size === 0 && all.length === 1) {
        return all;
    }
    return [...found];
}
