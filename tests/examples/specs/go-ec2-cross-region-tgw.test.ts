// examples/go-ec2-cross-region-tgw through the Pulumi CLI (tests/examples/lifecycle.ts).
import { describeExample } from "../lifecycle";

describeExample("go", "ec2-cross-region-tgw");
