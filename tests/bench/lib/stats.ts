// Small statistics for the benchmark's repeated runs.

export function median(xs: number[]): number {
    if (xs.length === 0) {
        return NaN;
    }
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.max(1, Math.ceil((p / 100) * s.length)) - 1];
}

export function round(x: number, digits = 0): number {
    const f = 10 ** digits;
    return Math.round(x * f) / f;
}

/** Milliseconds since `t0` (performance-clock free: wall clock, as the double's log uses). */
export async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
    const t0 = Date.now();
    const value = await f();
    return { ms: Date.now() - t0, value };
}
