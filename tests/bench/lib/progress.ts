// Progress lines of `make bench` (stderr-free: everything on stdout, prefixed, with the time since start).
const START = Date.now();

export function say(text: string): void {
    const s = ((Date.now() - START) / 1000).toFixed(0).padStart(4);
    console.log(`[bench ${s}s] ${text}`);
}

export function secs(ms: number): string {
    return `${(ms / 1000).toFixed(1)} s`;
}
