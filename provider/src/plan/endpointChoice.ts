// Which endpoint address an agent activates against. Common examples take
// network_interface_ids[0], which is arbitrary once the endpoint spans subnets; the key is
// bound to the IP, and CreateAgent is given one subnet, so they must agree.
import type { EndpointInterface } from "./facts";

/** An address of the endpoint in one subnet: a created endpoint's subnetConfigurations, or an adopted one's interfaces. */
export interface EndpointAddress {
    subnetId?: string;
    ipv4?: string;
}

export function chooseEndpointIp(addresses: EndpointAddress[], subnetId: string): string {
    const match = addresses.filter((a) => a.subnetId === subnetId && a.ipv4);
    if (match.length !== 1) {
        const seen = addresses.map((a) => `${a.ipv4 ?? "?"} in ${a.subnetId ?? "?"}`).join(", ") || "none";
        throw new Error(
            `the DataSync endpoint has ${match.length} addresses in the activation subnet ${subnetId} (addresses: ${seen}); it needs exactly one. Add the subnet to the endpoint's subnets.`,
        );
    }
    return match[0].ipv4!;
}

export function interfaceAddresses(interfaces: EndpointInterface[]): EndpointAddress[] {
    return interfaces.map((i) => ({ subnetId: i.subnetId, ipv4: i.privateIp }));
}
