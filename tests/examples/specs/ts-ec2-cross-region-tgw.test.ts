// examples/ts-ec2-cross-region-tgw through the Pulumi CLI (tests/examples/lifecycle.ts).
import { describeExample } from "../lifecycle";

describeExample("ts", "ec2-cross-region-tgw");
