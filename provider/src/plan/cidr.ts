// IPv4 address and CIDR handling for validation and planning. Parsing and range
// matching come from ipaddr.js (the library behind Express's proxy-addr): we only
// add the strictness AWS applies (four-part decimal, no host bits in a VPC CIDR).
import * as ipaddr from "ipaddr.js";

export interface Cidr {
    /** The canonical text, e.g. "10.0.0.0/16". */
    text: string;
    network: ipaddr.IPv4;
    prefix: number;
}

/** True for a four-part dotted-decimal IPv4 address such as "10.0.1.5". */
export function isIpv4(value: unknown): value is string {
    return typeof value === "string" && ipaddr.IPv4.isValidFourPartDecimal(value);
}

/**
 * Parses "a.b.c.d/n". Returns undefined for anything else, including host bits set
 * ("10.0.0.1/16"): AWS rejects those for VPCs and routes, and in a firewall rule they
 * usually mean the author typed the wrong prefix.
 */
export function parseCidr(value: unknown): Cidr | undefined {
    if (typeof value !== "string" || !ipaddr.IPv4.isValidCIDRFourPartDecimal(value)) {
        return undefined;
    }
    const [addr, prefix] = ipaddr.IPv4.parseCIDR(value);
    const network = ipaddr.IPv4.networkAddressFromCIDR(value);
    if (network.toString() !== addr.toString()) {
        return undefined;
    }
    return { text: `${network.toString()}/${prefix}`, network, prefix };
}

/** Accepts an address ("10.0.1.5" becomes "10.0.1.5/32") or a CIDR. */
export function parseSource(value: unknown): Cidr | undefined {
    return isIpv4(value) ? parseCidr(`${value}/32`) : parseCidr(value);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
    return a.network.match(b.network, b.prefix) || b.network.match(a.network, a.prefix);
}

export function contains(range: Cidr, address: string): boolean {
    return isIpv4(address) && ipaddr.IPv4.parse(address).match(range.network, range.prefix);
}

/** True when every address of `inner` lies in `outer`. */
export function within(inner: Cidr, outer: Cidr): boolean {
    return inner.prefix >= outer.prefix && inner.network.match(outer.network, outer.prefix);
}

/** True when the ranges together hold every address of `range` (one of them, or several side by side). */
export function covered(range: Cidr, ranges: Cidr[]): boolean {
    if (ranges.some((r) => within(range, r))) {
        return true;
    }
    if (range.prefix === 32 || !ranges.some((r) => overlaps(range, r))) {
        return false;
    }
    const prefix = range.prefix + 1;
    const low = parseCidr(`${range.network.toString()}/${prefix}`)!;
    const high = parseCidr(`${nextAddress(ipaddr.IPv4.broadcastAddressFromCIDR(`${range.network.toString()}/${prefix}`))}/${prefix}`)!;
    return covered(low, ranges) && covered(high, ranges);
}

function nextAddress(ip: ipaddr.IPv4): string {
    const n = ip.toByteArray().reduce((acc, b) => acc * 256 + b, 0) + 1;
    return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

export function isWorld(c: Cidr): boolean {
    return c.prefix === 0;
}

/** An address range and where it came from, so an error can name both. */
export interface LabelledRange {
    cidr: string;
    /** Where the range came from, e.g. "link.sourceCidrBlocks[1]" or "source VPC vpc-0abc (looked up)". */
    origin: string;
    /** The input a problem with the range is reported under; defaults to `origin` (declared ranges). */
    path?: string;
    side: "source" | "destination";
}

export interface Overlap {
    a: LabelledRange;
    b: LabelledRange;
}

/**
 * Every pair of ranges on opposite sides that overlap. Ranges on the same side may
 * overlap (a VPC's primary CIDR and an on-prem summary route, say) without harm; what
 * breaks routing is the same address being reachable on both ends of the link.
 */
export function findCrossSideOverlaps(ranges: LabelledRange[]): Overlap[] {
    const parsed = ranges.map((r) => ({ r, c: parseCidr(r.cidr) })).filter((x): x is { r: LabelledRange; c: Cidr } => x.c !== undefined);
    const found: Overlap[] = [];
    for (let i = 0; i < parsed.length; i++) {
        for (let j = i + 1; j < parsed.length; j++) {
            const x = parsed[i];
            const y = parsed[j];
            if (x.r.side !== y.r.side && overlaps(x.c, y.c)) {
                found.push({ a: x.r, b: y.r });
            }
        }
    }
    return found;
}
