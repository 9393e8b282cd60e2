// The engine starts this provider as a child and usually kills it when done, but a CLI
// that exits abruptly (or `pulumi package get-schema`) can leave it running forever,
// serving gRPC to nobody. When the parent goes away the process is re-parented; exit then.
export function exitWhenOrphaned(intervalMs = 2000): void {
    const parent = process.ppid;
    const timer = setInterval(() => {
        if (process.ppid !== parent) {
            process.exit(0);
        }
    }, intervalMs);
    timer.unref();
}
