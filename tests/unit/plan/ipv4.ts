// Test-side IPv4 arithmetic, written independently of ipaddr.js and plan/cidr.ts so the property
// tests compare the module against a separate model: a range is the integer interval
// [network, network + 2^(32 - prefix) - 1].
import * as fc from "fast-check";

export const SPACE = 2 ** 32;

export function ipText(n: number): string {
    return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

export function size(prefix: number): number {
    return 2 ** (32 - prefix);
}

/** The network address of `n` at `prefix` (host bits cleared). */
export function networkOf(n: number, prefix: number): number {
    return n - (n % size(prefix));
}

export interface Range {
    network: number;
    prefix: number;
}

export function rangeText(r: Range): string {
    return `${ipText(r.network)}/${r.prefix}`;
}

export function last(r: Range): number {
    return r.network + size(r.prefix) - 1;
}

export function intersect(a: Range, b: Range): boolean {
    return a.network <= last(b) && b.network <= last(a);
}

export const address = fc.integer({ min: 0, max: SPACE - 1 });

/** Any IPv4 range with its host bits cleared. */
export const range: fc.Arbitrary<Range> = fc.tuple(address, fc.integer({ min: 0, max: 32 })).map(([n, prefix]) => ({ network: networkOf(n, prefix), prefix }));
