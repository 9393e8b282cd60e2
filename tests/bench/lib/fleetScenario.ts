// The fleet of the benchmark: one PrivateAgent with N on-premises agents (addresses in
// 192.168.0.0/16, reached over an existing Direct Connect or VPN), one account and Region, the
// endpoint's group admitting the declared source range ("sourceRanges": two rules whatever N; by
// address, N agents would need 2N rules and the group holds 60). The same shape as the issue's
// measurement on the earlier code, which had no ingressScope (and no quota) yet.
import type { World } from "../../engine/doubles/aws";
import { ACCOUNT, AMI, AMI_PARAMETER, DST, REGION } from "../../fixtures/aws";

export const ONPREM_CIDR = "192.168.0.0/16";

export function fleetWorld(): World {
    return {
        region: REGION,
        accountId: ACCOUNT,
        vpcs: { [DST.vpc]: { cidrBlocks: ["10.0.0.0/16"] } },
        subnets: {
            [DST.subnetA]: { vpcId: DST.vpc, availabilityZone: `${REGION}a`, cidrBlock: "10.0.1.0/24", availableIpAddressCount: 251 },
            [DST.subnetB]: { vpcId: DST.vpc, availabilityZone: `${REGION}b`, cidrBlock: "10.0.2.0/24", availableIpAddressCount: 251 },
        },
        routeTables: { [DST.routeTable]: { vpcId: DST.vpc, main: true, subnetIds: [DST.subnetA, DST.subnetB] } },
        ssmParameters: { [AMI_PARAMETER.basic]: AMI.basic, [AMI_PARAMETER.enhanced]: AMI.enhanced },
    };
}

/** The i-th agent's address: 192.168.<i/250>.<i%250 + 1>. */
export function agentAddress(i: number): string {
    return `192.168.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

export function fleetArgs(n: number, activationAddress: string, ingressScope: "sourceRanges" | "agentAddresses" | undefined = "sourceRanges") {
    return {
        vpcId: DST.vpc,
        endpointSubnetIds: [DST.subnetA, DST.subnetB],
        activationSubnetId: DST.subnetB,
        ...(ingressScope ? { ingressScope } : {}),
        agents: Array.from({ length: n }, (_, i) => ({
            name: `onprem${i}`,
            address: agentAddress(i),
            activation: { addressOverride: activationAddress, timeoutSeconds: 120 },
        })),
        link: { mode: "existing", sourceCidrBlocks: [ONPREM_CIDR], destinationCidrBlocks: ["10.0.0.0/16"] },
    };
}
