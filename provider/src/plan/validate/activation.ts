import type { ActivationSettings } from "../../args/activation";
import { isActivationKey } from "../activationKey";
import { DEFAULTS } from "../defaults";
import { Known, val } from "../known";
import { at, Problems } from "../problems";
import { checkEnum, checkIntRange } from "./common";

const MODES = ["local", "remote", "manual"] as const;
const HOST_PORT = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/;

/**
 * The longest sensible deadlines. An EC2 agent opens port 80 within minutes of booting, and after
 * DeleteAgent the VM reopens it after about 3 minutes; an hour covers every wait that can end. A
 * single request to an agent answers in well under a second, so a minute is already generous.
 */
export const MAX_ACTIVATION_TIMEOUT_SECONDS = 3600;
export const MAX_REQUEST_TIMEOUT_SECONDS = 60;

/** "host" or "host:port" with a port in range; no scheme, path or spaces. */
export function isHostPort(v: string): boolean {
    const m = HOST_PORT.exec(v);
    if (!m) {
        return false;
    }
    return m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 65535);
}

export function activationMode(a: Known<ActivationSettings> | undefined): string {
    return (a?.mode as string | undefined) ?? DEFAULTS.activation.mode;
}

function checkHost(p: Problems, path: string, host: unknown, user: unknown, port: unknown): void {
    const h = val(host as string);
    if (h !== undefined && (typeof h !== "string" || h.trim() === "" || /\s/.test(h))) {
        p.add(at(path, "host"), h, "not a host name or address", "give the SSH host's name or IP address");
    }
    const u = val(user as string);
    if (u !== undefined && (typeof u !== "string" || u.trim() === "" || /\s/.test(u))) {
        p.add(at(path, "user"), u, "not an SSH user name", `give the login user, e.g. "${DEFAULTS.ssh.user}"`);
    }
    checkIntRange(p, at(path, "port"), port as number, 1, 65535, "TCP port");
}

function checkJumpHost(p: Problems, path: string, a: Known<ActivationSettings>, mode: string): void {
    if (mode === "remote" && a.jumpHost === undefined) {
        p.add(
            at(path, "jumpHost"),
            undefined,
            'mode "remote" runs the activation over SSH on a jump host',
            "set jumpHost (host, user, privateKey) to a host that reaches the agent on TCP 80",
        );
    }
    if (mode !== "remote" && a.jumpHost !== undefined) {
        p.add(at(path, "jumpHost"), "(set)", `a jump host is only used in mode "remote", not "${mode}"`, 'set mode to "remote", or remove jumpHost', true);
    }
    const j = a.jumpHost;
    if (j !== undefined && typeof j === "object") {
        checkHost(p, at(path, "jumpHost"), j.host, j.user, j.port);
        if (j.proxy !== undefined && typeof j.proxy === "object") {
            checkHost(p, at(path, "jumpHost.proxy"), j.proxy.host, j.proxy.user, j.proxy.port);
        }
    }
}

function checkManualKey(p: Problems, path: string, a: Known<ActivationSettings>, mode: string): void {
    if (mode === "manual" && a.manualKey === undefined) {
        p.add(
            at(path, "manualKey"),
            undefined,
            'mode "manual" needs the key read from the agent\'s local console',
            "set manualKey (a secret) within 30 minutes of reading it from the console",
        );
    }
    if (mode !== "manual" && a.manualKey !== undefined) {
        p.add(at(path, "manualKey"), undefined, `a manual key is only used in mode "manual", not "${mode}"`, 'set mode to "manual", or remove manualKey', true);
    }
    const key = val(a.manualKey);
    if (key !== undefined && !isActivationKey(key)) {
        p.add(
            at(path, "manualKey"),
            key,
            "does not look like an activation key (five groups of five capital letters or digits, e.g. F0EFT-7FPPR-GG7MC-3I9R3-27DOH)",
            "copy the key exactly as the agent's console shows it",
            true,
        );
    }
}

function checkDeadlines(p: Problems, path: string, a: Known<ActivationSettings>): void {
    checkIntRange(p, at(path, "timeoutSeconds"), a.timeoutSeconds, 1, MAX_ACTIVATION_TIMEOUT_SECONDS, "seconds");
    checkIntRange(p, at(path, "requestTimeoutSeconds"), a.requestTimeoutSeconds, 1, MAX_REQUEST_TIMEOUT_SECONDS, "seconds");
    const total = val(a.timeoutSeconds) ?? DEFAULTS.activation.timeoutSeconds;
    const each = val(a.requestTimeoutSeconds);
    if (each !== undefined && each > total) {
        p.add(at(path, "requestTimeoutSeconds"), each, `longer than the overall deadline (${total} s)`, "make it smaller than timeoutSeconds");
    }
}

export function checkActivation(p: Problems, path: string, a: Known<ActivationSettings> | undefined): void {
    if (a === undefined) {
        return;
    }
    const mode = activationMode(a);
    checkEnum(p, at(path, "mode"), mode, MODES, 'use "local" unless the machine running Pulumi cannot reach the agent on TCP 80');
    if (!(MODES as readonly string[]).includes(mode)) {
        return;
    }
    checkJumpHost(p, path, a, mode);
    checkManualKey(p, path, a, mode);
    const override = val(a.addressOverride);
    if (override !== undefined && !isHostPort(override)) {
        p.add(
            at(path, "addressOverride"),
            override,
            'must be "host" or "host:port", without scheme or path',
            "give the tunnel or load balancer address, e.g. 127.0.0.1:8080",
        );
    }
    if (mode === "manual" && a.addressOverride !== undefined) {
        p.add(at(path, "addressOverride"), override, 'no request is made in mode "manual"', 'remove addressOverride, or use mode "local" or "remote"');
    }
    checkDeadlines(p, path, a);
}
