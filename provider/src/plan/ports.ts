// The DataSync agent's flows in VPC-endpoint mode (AWS "network requirements").
// One AWS article says 1024-1062 for control traffic; the network-requirements page
// says 1024-1064, and opening the wider range costs nothing, so we take 1024-1064.

export type Protocol = "tcp" | "udp";

export interface PortRange {
    protocol: Protocol;
    fromPort: number;
    toPort: number;
    purpose: string;
}

export const ACTIVATION_PORT: PortRange = {
    protocol: "tcp",
    fromPort: 80,
    toPort: 80,
    purpose: "activation key request to the agent (closes after activation)",
};

export const ENDPOINT_HTTPS: PortRange = {
    protocol: "tcp",
    fromPort: 443,
    toPort: 443,
    purpose: "agent to DataSync endpoint: activation and endpoint registration",
};

export const ENDPOINT_CONTROL: PortRange = {
    protocol: "tcp",
    fromPort: 1024,
    toPort: 1064,
    purpose: "agent to DataSync endpoint: control traffic",
};

export const SUPPORT_CHANNEL: PortRange = {
    protocol: "tcp",
    fromPort: 22,
    toPort: 22,
    purpose: "agent to DataSync endpoint: AWS Support channel (Basic mode only)",
};

export const TASK_DATA: PortRange = {
    protocol: "tcp",
    fromPort: 443,
    toPort: 443,
    purpose: "agent to task network interfaces: data transfer",
};

/**
 * DNS to resolvers other than the Amazon-provided one (a DHCP option set naming custom servers).
 * Security groups do not filter the Route 53 Resolver at the VPC+2 address or the Amazon Time Sync
 * Service (EC2 User Guide, security group rules: "Security groups cannot block DNS requests to or from
 * the Route 53 Resolver"), so the default setup needs no rule for them.
 */
export const DNS_PORTS: readonly PortRange[] = [
    { protocol: "udp", fromPort: 53, toPort: 53, purpose: "agent to DNS resolver" },
    { protocol: "tcp", fromPort: 53, toPort: 53, purpose: "agent to DNS resolver (large answers)" },
];

/** The ports an agent needs on the endpoint's private IP. */
export function endpointPorts(supportChannel: boolean): PortRange[] {
    return supportChannel ? [ENDPOINT_HTTPS, ENDPOINT_CONTROL, SUPPORT_CHANNEL] : [ENDPOINT_HTTPS, ENDPOINT_CONTROL];
}

/** "443" or "1024-1064": how firewall tables and resource names show a range. */
export function portText(p: Pick<PortRange, "fromPort" | "toPort">): string {
    return p.fromPort === p.toPort ? `${p.fromPort}` : `${p.fromPort}-${p.toPort}`;
}
