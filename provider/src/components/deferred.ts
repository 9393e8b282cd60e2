import * as pulumi from "@pulumi/pulumi";

/** An Output whose value is supplied later: for children that need each other's outputs (resource dependencies stay intact). */
export class Deferred<T> {
    private resolveWith!: (v: pulumi.Output<T>) => void;
    readonly output: pulumi.Output<T>;

    constructor() {
        this.output = pulumi.output(new Promise<pulumi.Output<T>>((resolve) => (this.resolveWith = resolve))) as unknown as pulumi.Output<T>;
    }

    resolve(v: pulumi.Input<T>): void {
        this.resolveWith(pulumi.output(v) as pulumi.Output<T>);
    }
}
