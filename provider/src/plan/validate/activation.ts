import type { ActivationSettings } from "../../args/activation";
import { isActivationKey } from "../activationKey";
import { Known, val } from "../known";
import { at, Problems } from "../problems";
import { checkPositiveInt } from "./common";

const MODES = ["local", "remote", "manual"];
const HOST_PORT = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/;

/** "host" or "host:port" with a port in range; no scheme, path or spaces. */
export function isHostPort(v: string): boolean {
    const m = HOST_PORT.exec(v);
    if (!m) {
        return false;
    }
    return m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 65535);
}

export function activationMode(a: Known<ActivationSettings> | undefined): string {
    return a?.mode ?? "local";
}

function checkPort(p: Problems, path: string, v: unknown): void {
    const n = val(v as number);
    if (n !== undefined && !(Number.isInteger(n) && n >= 1 && n <= 65535)) {
        p.add(path, n, "must be a TCP port from 1 to 65535", "give the SSH port, usually 22");
    }
}

export function checkActivation(p: Problems, path: string, a: Known<ActivationSettings> | undefined): void {
    if (a === undefined) {
        return;
    }
    const mode = activationMode(a);
    if (!MODES.includes(mode)) {
        p.add(at(path, "mode"), mode, `must be one of ${MODES.join(", ")}`, 'use "local" unless the machine running Pulumi cannot reach the agent on TCP 80');
        return;
    }
    if (mode === "remote" && a.jumpHost === undefined) {
        p.add(at(path, "jumpHost"), undefined, 'mode "remote" runs the activation over SSH on a jump host', "set jumpHost (host, user, privateKey) to a host that reaches the agent on TCP 80");
    }
    if (mode !== "remote" && a.jumpHost !== undefined) {
        p.add(at(path, "jumpHost"), "(set)", `a jump host is only used in mode "remote", not "${mode}"`, 'set mode to "remote", or remove jumpHost');
    }
    if (a.jumpHost !== undefined) {
        checkPort(p, at(path, "jumpHost.port"), a.jumpHost.port);
        checkPort(p, at(path, "jumpHost.proxy.port"), a.jumpHost.proxy?.port);
    }
    const key = val(a.manualKey);
    if (mode === "manual" && a.manualKey === undefined) {
        p.add(at(path, "manualKey"), undefined, 'mode "manual" needs the key read from the agent\'s local console', "set manualKey (a secret) within 30 minutes of reading it from the console");
    }
    if (mode !== "manual" && a.manualKey !== undefined) {
        p.add(at(path, "manualKey"), undefined, `a manual key is only used in mode "manual", not "${mode}"`, 'set mode to "manual", or remove manualKey', true);
    }
    if (key !== undefined && !isActivationKey(key)) {
        p.add(at(path, "manualKey"), key, "does not look like an activation key (five groups of five capital letters or digits, e.g. F0EFT-7FPPR-GG7MC-3I9R3-27DOH)", "copy the key exactly as the agent's console shows it", true);
    }
    const override = val(a.addressOverride);
    if (override !== undefined && !isHostPort(override)) {
        p.add(at(path, "addressOverride"), override, 'must be "host" or "host:port", without scheme or path', "give the tunnel or load balancer address, e.g. 127.0.0.1:8080");
    }
    if (mode === "manual" && a.addressOverride !== undefined) {
        p.add(at(path, "addressOverride"), override, 'no request is made in mode "manual"', "remove addressOverride, or use mode \"local\" or \"remote\"");
    }
    checkPositiveInt(p, at(path, "timeoutSeconds"), a.timeoutSeconds);
    checkPositiveInt(p, at(path, "requestTimeoutSeconds"), a.requestTimeoutSeconds);
    const total = val(a.timeoutSeconds) ?? 600;
    const each = val(a.requestTimeoutSeconds);
    if (each !== undefined && each > total) {
        p.add(at(path, "requestTimeoutSeconds"), each, `longer than the overall deadline (${total} s)`, "make it smaller than timeoutSeconds");
    }
}
