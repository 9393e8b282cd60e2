import * as pulumi from "@pulumi/pulumi";

/** A component's output properties, typed from its documented outputs interface. */
export type OutputsOf<T> = { readonly [K in keyof T]: pulumi.Output<T[K]> };
