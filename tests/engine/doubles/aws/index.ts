// What tests import from the AWS double: its world and log shapes, and the provider class.
export type { World, RegionWorld, Organization } from "./world";
export type { LogRecord, Interface } from "./log";
export { AwsDouble, DOUBLE_VERSION } from "./provider";
export { LATENCIES } from "./latency";
export { QUOTAS } from "./quotas";
