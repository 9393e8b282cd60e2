// The package's TypeScript API: every args type (from args/) and every component class (from the
// registry's class list).
export type * from "./args/activation";
export type * from "./args/activationAccess";
export type * from "./args/agent";
export type * from "./args/agentSpec";
export type * from "./args/endpointOptions";
export type * from "./args/firewallRule";
export type * from "./args/integer";
export type * from "./args/link";
export type * from "./args/networkLink";
export type * from "./args/privateAgent";
export type * from "./args/serviceEndpoint";
export type * from "./args/side";
export type * from "./args/tags";
export * from "./classes";
