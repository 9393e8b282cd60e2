// examples/python-ec2-cross-region-tgw through the Pulumi CLI (tests/examples/lifecycle.ts).
import { describeExample } from "../lifecycle";

describeExample("python", "ec2-cross-region-tgw");
