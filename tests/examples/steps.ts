// Mocha steps with their wall times kept. Dependent steps (the default): once one fails, the later
// ones of the same run fail at once, naming it (they would only repeat its error).
import { Result, writeResult } from "./timing";

export class Steps {
    private failed: string | undefined;
    private started = Date.now();
    readonly times: Result["steps"] = [];

    constructor(
        private readonly name: string,
        private readonly row: string,
        private readonly column: string,
        /** Steps that do not build on each other: each runs whatever failed before. */
        private readonly independent = false,
    ) {}

    /** Restarts the wall-time clock (call from the run's `before`). */
    begin(): void {
        this.started = Date.now();
    }

    /** Registers one mocha test that runs `fn` unless an earlier step failed. */
    step(title: string, fn: () => Promise<void>): void {
        it(title, async () => {
            if (this.failed !== undefined && !this.independent) {
                throw new Error(`not run: the earlier step "${this.failed}" failed`);
            }
            const t0 = Date.now();
            try {
                await fn();
                this.times.push({ title, seconds: (Date.now() - t0) / 1000, passed: true });
            } catch (e) {
                this.failed ??= title;
                this.times.push({ title, seconds: (Date.now() - t0) / 1000, passed: false });
                throw e;
            }
        });
    }

    /** Writes the run's wall time (setup to teardown) for the table. */
    finish(): void {
        writeResult({
            name: this.name,
            row: this.row,
            column: this.column,
            seconds: (Date.now() - this.started) / 1000,
            passed: this.failed === undefined && this.times.length > 0,
            steps: this.times,
        });
    }
}
