// Entry point of the AWS TEST DOUBLE plugin (launched as pulumi-resource-aws from tests/engine/bin).
// It is NOT AWS and NOT the Pulumi AWS provider, and never opens a connection beyond 127.0.0.1:
// it serves the provider protocol for the AWS types and functions the components use, against the
// made-up world in DSPL_AWS_DOUBLE_WORLD, and appends every operation to DSPL_AWS_DOUBLE_LOG.
// The contract it follows, rule by rule with sources: docs/aws-double.md.
import { AwsDouble } from "./provider";
import { serve } from "./server";

serve(new AwsDouble()).catch((err) => {
    console.error(`aws test double: ${err instanceof Error ? err.stack : err}`);
    process.exit(1);
});
