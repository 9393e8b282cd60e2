// IPv4 arithmetic for the double, on ipaddr.js. Deliberately independent of the component's own
// CIDR code (provider/src/plan/cidr.ts): a double that shared its authors' helpers would share
// their mistakes.
import * as ipaddr from "ipaddr.js";

export interface Range {
    network: ipaddr.IPv4;
    prefix: number;
    text: string;
}

export function isAddress(v: unknown): v is string {
    return typeof v === "string" && ipaddr.IPv4.isValidFourPartDecimal(v);
}

/** "a.b.c.d/n" with no host bits set, as TF's IPv4CIDRNetworkAddress validator demands; else undefined. */
export function networkCidr(v: unknown): Range | undefined {
    if (typeof v !== "string" || !ipaddr.IPv4.isValidCIDRFourPartDecimal(v)) {
        return undefined;
    }
    const [addr, prefix] = ipaddr.IPv4.parseCIDR(v);
    const network = ipaddr.IPv4.networkAddressFromCIDR(v);
    return network.toString() === addr.toString() ? { network, prefix, text: `${network}/${prefix}` } : undefined;
}

export function size(r: Range): number {
    return 2 ** (32 - r.prefix);
}

export function overlaps(a: Range, b: Range): boolean {
    return a.network.match(b.network, b.prefix) || b.network.match(a.network, a.prefix);
}

export function containsAddress(r: Range, address: string): boolean {
    return isAddress(address) && ipaddr.IPv4.parse(address).match(r.network, r.prefix);
}

export function within(inner: Range, outer: Range): boolean {
    return inner.prefix >= outer.prefix && inner.network.match(outer.network, outer.prefix);
}

/** The address `offset` places after the network address. */
export function nth(r: Range, offset: number): string {
    const bytes = r.network.toByteArray();
    let n = ((bytes[0] << 24) >>> 0) + (bytes[1] << 16) + (bytes[2] << 8) + bytes[3] + offset;
    const out: number[] = [];
    for (let i = 0; i < 4; i++) {
        out.unshift(n & 255);
        n = Math.floor(n / 256);
    }
    return out.join(".");
}
