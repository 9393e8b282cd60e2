// The DataSync agent's flows in VPC-endpoint mode (AWS "network requirements").
// One AWS article says 1024-1062 for control traffic; the network-requirements page
// says 1024-1064, and opening the wider range costs nothing, so we take 1024-1064.

export interface PortRange {
    protocol: "tcp";
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

/** The ports an agent needs on the endpoint's private IP. */
export function endpointPorts(supportChannel: boolean): PortRange[] {
    return supportChannel ? [ENDPOINT_HTTPS, ENDPOINT_CONTROL, SUPPORT_CHANNEL] : [ENDPOINT_HTTPS, ENDPOINT_CONTROL];
}

export function portText(p: PortRange): string {
    return p.fromPort === p.toPort ? `${p.fromPort}` : `${p.fromPort}-${p.toPort}`;
}
