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
