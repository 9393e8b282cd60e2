// The AWS test double's world for the usual-mistakes project (tests/policy/engine.sh): the
// pre-existing VPCs, subnets and route table the project builds on, with the IDs of
// tests/fixtures/aws.ts, in the double's single-account world shape (World in
// tests/engine/doubles/aws/world.ts: region, accountId and the collections at the top level).
// Run: node engineWorld.js > world.json
import { ACCOUNT, AMI, AMI_PARAMETER, DST, REGION, SRC } from "../fixtures/aws";

export function usualMistakesWorld(): Record<string, unknown> {
    return {
        region: REGION,
        accountId: ACCOUNT,
        vpcs: {
            [DST.vpc]: { cidrBlocks: ["10.0.0.0/16"] },
            [SRC.vpc]: { cidrBlocks: ["10.20.0.0/16"] },
        },
        subnets: {
            [DST.subnetA]: { vpcId: DST.vpc, availabilityZone: `${REGION}a`, cidrBlock: "10.0.1.0/24" },
            [SRC.subnetA]: { vpcId: SRC.vpc, availabilityZone: `${REGION}a`, cidrBlock: "10.20.1.0/24" },
        },
        routeTables: {
            [DST.routeTable]: { vpcId: DST.vpc, main: true },
            [SRC.routeTable]: { vpcId: SRC.vpc, main: true },
        },
        ssmParameters: { [AMI_PARAMETER.basic]: AMI.basic, [AMI_PARAMETER.enhanced]: AMI.enhanced },
    };
}

if (require.main === module) {
    process.stdout.write(`${JSON.stringify(usualMistakesWorld(), null, 2)}\n`);
}
