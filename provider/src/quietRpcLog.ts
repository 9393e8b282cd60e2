// The Node SDK debug-logs every RPC response in full ("RegisterResource RPC finished:
// … resp: …"). In the provider process those responses include the activation
// Command's stdout and the agent's activationKey in plain text, and the engine forwards
// debug logs into its event log and `pulumi up --debug` output. Drop those lines; every
// other debug message passes through.
import * as log from "@pulumi/pulumi/log";

const RPC_RESPONSE = / RPC finished/;

export function silenceRpcResponseLogs(): void {
    const sdkLog = log as { debug: typeof log.debug };
    const debug = sdkLog.debug;
    sdkLog.debug = (msg, ...rest) => (RPC_RESPONSE.test(String(msg)) ? Promise.resolve() : debug(msg, ...rest));
}
