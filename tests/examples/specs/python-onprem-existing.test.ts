// examples/python-onprem-existing through the Pulumi CLI (tests/examples/lifecycle.ts).
import { describeExample } from "../lifecycle";

describeExample("python", "onprem-existing");
