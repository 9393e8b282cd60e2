/** One flow a network team must allow between the sides. */
export interface FirewallRule {
    /** Where the flow starts: an address, a range, or a role such as "activation source". */
    from: string;
    /** Where the flow goes. */
    to: string;
    /** IP protocol, "tcp". */
    protocol: string;
    /** Port or port range, e.g. "443" or "1024-1064". */
    ports: string;
    /** Why the flow is needed. */
    purpose: string;
}

/** The flows a component's resources need, for the network teams between the sides. */
export interface FirewallReport {
    /** Flows a firewall between the sides must allow for what the component made, one row per source, destination and port range. */
    firewallRules: FirewallRule[];
}
