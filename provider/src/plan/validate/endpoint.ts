import { Known, knownList, Unknown, val } from "../known";
import { Problems } from "../problems";
import { hasFips, FIPS_REGIONS } from "../regions";
import { checkUnique } from "./common";

export interface EndpointFields {
    subnetIds: (string | Unknown)[] | Unknown | undefined;
    subnetPath: string;
    activationSubnetId: string | Unknown | undefined;
    activationSubnetPath: string;
    fips?: boolean;
    region?: string;
}

export function checkEndpointSubnets(p: Problems, f: EndpointFields): void {
    const subnets = knownList(f.subnetIds);
    if (f.subnetIds !== undefined && subnets.complete && subnets.items.length === 0) {
        p.add(f.subnetPath, [], "the endpoint needs at least one subnet", "list a subnet in the agents' Availability Zone");
    }
    checkUnique(p, f.subnetPath, f.subnetIds, "subnet");
    const activation = val(f.activationSubnetId);
    if (activation !== undefined && subnets.complete && !subnets.items.includes(activation)) {
        p.add(f.activationSubnetPath, activation, `not one of the endpoint's subnets (${subnets.items.join(", ")})`, "pick one of the endpoint subnets, or add this subnet to them");
    }
}

export function checkFips(p: Problems, path: string, fips: boolean | undefined, region: string | undefined): void {
    if (fips && region !== undefined && !hasFips(region)) {
        p.add(path, true, `DataSync has no FIPS endpoint in ${region} (FIPS Regions: ${FIPS_REGIONS.join(", ")})`, "set fips to false, or place the endpoint in a FIPS Region");
    }
}

export function checkActivationRegion(p: Problems, path: string, activationRegion: string | Unknown | undefined, endpointRegion: string | undefined): void {
    const r = val(activationRegion);
    if (r !== undefined && endpointRegion !== undefined && r !== endpointRegion) {
        p.add(path, r, `the activation Region must be the endpoint's Region (${endpointRegion}); a key minted for another Region is refused by CreateAgent`, `set it to ${endpointRegion} or leave it unset`);
    }
}

export function checkSupportChannel(p: Problems, path: string, supportChannel: boolean | undefined, agentMode: string | undefined): void {
    if (supportChannel && agentMode === "enhanced") {
        p.add(path, true, "Enhanced-mode agents have no AWS Support channel", 'set supportChannel to false, or use agentMode "basic"');
    }
}

export function checkAgentMode(p: Problems, path: string, mode: Known<string> | undefined): void {
    if (mode !== undefined && mode !== "basic" && mode !== "enhanced") {
        p.add(path, mode, 'must be "basic" or "enhanced"', 'use "basic" unless you need Enhanced mode');
    }
}
