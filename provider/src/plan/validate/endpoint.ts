import { knownList, Unknown, val } from "../known";
import { Problems } from "../problems";
import { checkId, checkIdList, checkUnique } from "./common";

export interface EndpointFields {
    subnetIds: (string | Unknown)[] | Unknown | undefined;
    subnetPath: string;
    activationSubnetId: string | Unknown | undefined;
    activationSubnetPath: string;
}

export function checkEndpointSubnets(p: Problems, f: EndpointFields): void {
    const subnets = knownList(f.subnetIds);
    if (f.subnetIds !== undefined && subnets.complete && subnets.items.length === 0) {
        p.add(f.subnetPath, [], "the endpoint needs at least one subnet", "list a subnet in the agents' Availability Zone");
    }
    checkUnique(p, f.subnetPath, f.subnetIds, "subnet");
    checkIdList(p, f.subnetPath, "subnet", f.subnetIds);
    checkId(p, f.activationSubnetPath, "subnet", f.activationSubnetId);
    const activation = val(f.activationSubnetId);
    if (activation !== undefined && subnets.complete && !subnets.items.includes(activation)) {
        p.add(
            f.activationSubnetPath,
            activation,
            `not one of the endpoint's subnets (${subnets.items.join(", ")})`,
            "pick one of the endpoint subnets, or add this subnet to them",
        );
    }
}

export function checkActivationRegion(p: Problems, path: string, activationRegion: string | Unknown | undefined, endpointRegion: string | undefined): void {
    const r = val(activationRegion);
    if (r !== undefined && endpointRegion !== undefined && r !== endpointRegion) {
        p.add(
            path,
            r,
            `the activation Region must be the endpoint's Region (${endpointRegion}); a key minted for another Region is refused by CreateAgent`,
            `set it to ${endpointRegion} or leave it unset`,
        );
    }
}

export function checkSupportChannel(p: Problems, path: string, supportChannel: boolean | undefined, agentMode: string | undefined): void {
    if (supportChannel && agentMode === "enhanced") {
        p.add(path, true, "Enhanced-mode agents have no AWS Support channel", 'set supportChannel to false, or use agentMode "basic"');
    }
}
