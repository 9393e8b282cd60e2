// One EC2 agent (or a fleet of them) in a source account, its endpoint and the DataSync agent in the
// destination account, the two VPCs joined by VPC peering: the world the AWS double answers from and
// the PrivateAgent's inputs. Shared by the graph test and `make bench` (critical path, quotas).
import type { World } from "../doubles/aws";
import { ACCOUNT, AMI, AMI_PARAMETER, DST, REGION, SOURCE_ACCOUNT, SRC } from "../../fixtures/aws";

/** Where the activation request comes from, as the agent's group sees it (the machine running Pulumi). */
export const ACTIVATION_SOURCE = "10.20.9.10/32";
export const SOURCE_CIDR = "10.20.0.0/16";
export const DESTINATION_CIDR = "10.0.0.0/16";
export const SOURCE_ROLE = `arn:aws:iam::${SOURCE_ACCOUNT}:role/datasync-source`;
export const DESTINATION_ROLE = `arn:aws:iam::${ACCOUNT}:role/datasync-destination`;

export function peeringWorld(): World {
    return {
        region: REGION,
        accountId: ACCOUNT,
        vpcs: { [DST.vpc]: { cidrBlocks: [DESTINATION_CIDR] } },
        subnets: {
            [DST.subnetA]: { vpcId: DST.vpc, availabilityZone: `${REGION}a`, cidrBlock: "10.0.1.0/24" },
            [DST.subnetB]: { vpcId: DST.vpc, availabilityZone: `${REGION}b`, cidrBlock: "10.0.2.0/24" },
        },
        routeTables: { [DST.routeTable]: { vpcId: DST.vpc, main: true, subnetIds: [DST.subnetA, DST.subnetB] } },
        ssmParameters: { [AMI_PARAMETER.basic]: AMI.basic, [AMI_PARAMETER.enhanced]: AMI.enhanced },
        accounts: {
            [SOURCE_ACCOUNT]: {
                regions: {
                    [REGION]: {
                        vpcs: { [SRC.vpc]: { cidrBlocks: [SOURCE_CIDR] } },
                        subnets: { [SRC.subnetA]: { vpcId: SRC.vpc, availabilityZone: `${REGION}a`, cidrBlock: "10.20.1.0/24" } },
                        routeTables: { [SRC.routeTable]: { vpcId: SRC.vpc, main: true, subnetIds: [SRC.subnetA] } },
                        ssmParameters: { [AMI_PARAMETER.basic]: AMI.basic },
                    },
                },
            },
        },
    };
}

/** The PrivateAgent's inputs: `agents` EC2 agents, every activation sent to `activationAddress` (the emulator). */
export function peeringArgs(agents: number, activationAddress: string) {
    return {
        source: { region: REGION, roleArn: SOURCE_ROLE, accountId: SOURCE_ACCOUNT },
        destination: { region: REGION, roleArn: DESTINATION_ROLE, accountId: ACCOUNT },
        vpcId: DST.vpc,
        endpointSubnetIds: [DST.subnetA, DST.subnetB],
        activationSubnetId: DST.subnetB,
        activationSourceCidrs: [ACTIVATION_SOURCE],
        agents: Array.from({ length: agents }, (_, i) => ({
            name: agents === 1 ? "ec2" : `ec2-${i}`,
            instance: { subnetId: SRC.subnetA },
            activation: { addressOverride: activationAddress, timeoutSeconds: 120 },
        })),
        link: {
            mode: "peering",
            sourceVpcId: SRC.vpc,
            sourceCidrBlocks: [SOURCE_CIDR],
            destinationCidrBlocks: [DESTINATION_CIDR],
            sourceRouteTableIds: [SRC.routeTable],
            destinationRouteTableIds: [DST.routeTable],
        },
    };
}
