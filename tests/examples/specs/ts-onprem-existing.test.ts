// examples/ts-onprem-existing through the Pulumi CLI (tests/examples/lifecycle.ts).
import { describeExample } from "../lifecycle";

describeExample("ts", "onprem-existing");
