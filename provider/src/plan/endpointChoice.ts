// Which endpoint network interface an agent activates against. Common examples take
// network_interface_ids[0], which is arbitrary once the endpoint spans subnets; the
// key is bound to the IP, and CreateAgent is given one subnet, so they must agree.

export interface EndpointInterface {
    id: string;
    subnetId: string;
    privateIp: string;
}

export function chooseEndpointIp(interfaces: EndpointInterface[], subnetId: string): string {
    const match = interfaces.filter((e) => e.subnetId === subnetId);
    if (match.length !== 1) {
        const seen = interfaces.map((e) => `${e.id} in ${e.subnetId}`).join(", ") || "none";
        throw new Error(`the DataSync endpoint has ${match.length} network interfaces in the activation subnet ${subnetId} (interfaces: ${seen}); it needs exactly one. Add the subnet to the endpoint's subnets.`);
    }
    return match[0].privateIp;
}
