import * as pulumi from "@pulumi/pulumi";

/** Tags on what a component creates. */
export interface Tagging {
    /**
     * Tags for every resource created; an agent of a PrivateAgent fleet merges its own over the fleet's. Keys
     * starting with "aws:" are reserved and refused. Defaults to none.
     */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}
