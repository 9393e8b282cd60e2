// The component classes, one export per registry entry (components/tokens.ts). provider.ts serves
// them by token and index.ts exports them; both take the list from here.
export { Agent } from "./components/agent";
export { NetworkLink } from "./components/networkLink";
export { PrivateAgent } from "./components/privateAgent";
export { ServiceEndpoint } from "./components/serviceEndpoint";
