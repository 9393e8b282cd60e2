// Which Command resources fetch a DataSync activation key:
//  - any command:local:Command / command:remote:Command an aws.datasync.Agent's `activationKey`
//    comes from (by value, or by the engine's property dependencies at preview), and
//  - any Command whose scripts or environment contain the activation request's markers
//    (gatewayType=SYNC, endpointType=PRIVATE_LINK, privateLinkEndpoint=, activationKey,
//    or this package's PRIVATE_LINK_ENDPOINT / ACTIVATION_REGION variables).
import { commandFetchesActivationKey } from "./recognize";
import { Res, Stack } from "./stack";
import { COMMAND_TYPES, TYPES } from "./types";

export function activationCommands(stack: Stack): Res[] {
    const commands = stack.ofType(...COMMAND_TYPES);
    const found = new Set<Res>(commands.filter((c) => commandFetchesActivationKey(c.props)));
    for (const agent of stack.ofType(TYPES.datasyncAgent)) {
        for (const ref of stack.refs(agent, "activationKey", COMMAND_TYPES, ["stdout"]).refs) {
            if (ref.res) {
                found.add(ref.res);
            }
        }
    }
    return commands.filter((c) => found.has(c));
}
