// Pulumi mocks that record every resource the components register, with invoke
// answers shaped like the AWS provider's for the lookups the components make.
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT, F, KEY as FIXTURE_KEY, REGION, T } from "../fixtures/aws";

export interface Recorded {
    type: string;
    name: string;
    inputs: Record<string, any>;
    provider?: string;
    /** What the mock answered: the resource's ID and its state (inputs plus computed outputs). */
    id?: string;
    state?: Record<string, any>;
}

export interface World {
    subnets: Record<string, { vpcId: string; availabilityZone: string; cidrBlock: string; availableIpAddressCount?: number }>;
    vpcs: Record<string, string[]>;
    regionByProvider: Record<string, string>;
    accountByProvider: Record<string, string>;
    defaultRegion: string;
    defaultAccount: string;
    /** Changes the EC2 instance ID the mock hands out (a replaced instance). */
    instanceGeneration: number;
}

export const KEY = FIXTURE_KEY;

/** How a secret input arrives in the mocks (Pulumi's wire signature for secrets). */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export function defaultWorld(): World {
    return {
        subnets: {
            "subnet-dst-a": { vpcId: "vpc-dst", availabilityZone: `${REGION}a`, cidrBlock: "10.0.1.0/24" },
            "subnet-dst-b": { vpcId: "vpc-dst", availabilityZone: `${REGION}b`, cidrBlock: "10.0.2.0/24" },
            "subnet-src-a": { vpcId: "vpc-src", availabilityZone: `${REGION}a`, cidrBlock: "10.20.1.0/24" },
        },
        vpcs: { "vpc-dst": ["10.0.0.0/16"], "vpc-src": ["10.20.0.0/16"] },
        regionByProvider: {},
        accountByProvider: {},
        defaultRegion: REGION,
        defaultAccount: ACCOUNT,
        instanceGeneration: 1,
    };
}

export class Recorder implements pulumi.runtime.Mocks {
    readonly resources: Recorded[] = [];
    readonly invokes: { token: string; args: any; provider?: string }[] = [];
    world: World = defaultWorld();

    reset(world: World = defaultWorld()): void {
        this.resources.length = 0;
        this.invokes.length = 0;
        this.world = world;
    }

    private providerName(ref?: string): string | undefined {
        // provider references look like "<urn>::<id>"; the URN ends with the resource name
        return ref ? ref.split("::")[3] : undefined;
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, any> } {
        const record: Recorded = { type: args.type, name: args.name, inputs: args.inputs, provider: this.providerName(args.provider) };
        this.resources.push(record);
        const answer = this.answer(args);
        record.id = answer.id;
        record.state = answer.state;
        return answer;
    }

    private answer(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, any> } {
        const id = `${args.name}-id`;
        const state: Record<string, any> = { ...args.inputs };
        switch (args.type) {
            case T.securityGroup:
                state.arn = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-${hex(args.name)}`;
                return { id: `sg-${hex(args.name)}`, state };
            case T.vpcEndpoint:
                state.networkInterfaceIds = (args.inputs.subnetIds ?? []).map((s: string) => `eni-${s}`);
                return { id: `vpce-${hex(args.name)}`, state };
            case T.instance:
                state.privateIp = "10.20.1.15";
                return { id: `i-${hex(`${args.name}${this.world.instanceGeneration}`)}`, state };
            case T.datasyncAgent:
                state.arn = `arn:aws:datasync:${REGION}:${ACCOUNT}:agent/agent-${hex(args.name)}`;
                return { id, state };
            case T.localCommand:
            case T.remoteCommand:
                state.stdout = `${KEY}\n`;
                return { id, state };
            case T.vpcPeering:
                return { id: "pcx-0123456789abcdef0", state };
            case T.vpcPeeringAccepter:
                return { id: args.inputs.vpcPeeringConnectionId, state };
            case T.ramShare:
                state.arn = `arn:aws:ram:${REGION}:${ACCOUNT}:resource-share/${args.name}`;
                return { id, state };
            default:
                return { id, state };
        }
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        const provider = this.providerName(args.provider);
        this.invokes.push({ token: args.token, args: args.inputs, provider });
        const w = this.world;
        const region = (provider && w.regionByProvider[provider]) || w.defaultRegion;
        switch (args.token) {
            case F.getRegion:
                return { region, name: region, id: region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
            case F.getCallerIdentity:
                return { accountId: (provider && w.accountByProvider[provider]) || w.defaultAccount, arn: "arn", userId: "u", id: "x" };
            case F.getSubnet: {
                const s = w.subnets[args.inputs.id];
                if (!s) {
                    throw new Error(`no subnet ${args.inputs.id}`);
                }
                return {
                    id: args.inputs.id,
                    arn: `arn:aws:ec2:${region}:${ACCOUNT}:subnet/${args.inputs.id}`,
                    availableIpAddressCount: 250,
                    ...s,
                };
            }
            case F.getNetworkInterface: {
                const subnetId = String(args.inputs.id).replace(/^eni-/, "");
                const cidr = w.subnets[subnetId]?.cidrBlock ?? "10.0.9.0/24";
                return { id: args.inputs.id, subnetId, privateIp: cidr.replace(/0\/24$/, "10") };
            }
            case F.getVpc: {
                const ranges = w.vpcs[args.inputs.id] ?? [];
                return { id: args.inputs.id, cidrBlock: ranges[0], cidrBlockAssociations: ranges.map((c) => ({ cidrBlock: c })) };
            }
            case F.getParameter:
                return { name: args.inputs.name, value: args.inputs.name.endsWith("/v3") ? "ami-0enhanced000000" : "ami-0basic0000000000", type: "String" };
            case F.getSecurityGroup:
                return { id: args.inputs.id, arn: `arn:aws:ec2:${region}:${ACCOUNT}:security-group/${args.inputs.id}` };
            case F.getVpcEndpoint:
                return { id: args.inputs.id, networkInterfaceIds: ["eni-subnet-dst-a"], vpcId: "vpc-dst", serviceName: `com.amazonaws.${region}.datasync`, privateDnsEnabled: false };
            case F.getTransitGateway:
                return { id: args.inputs.id, arn: `arn:aws:ec2:${region}:${ACCOUNT}:transit-gateway/${args.inputs.id}`, associationDefaultRouteTableId: `tgw-rtb-${args.inputs.id}` };
            default:
                throw new Error(`unmocked invoke ${args.token}`);
        }
    }

    ofType(type: string): Recorded[] {
        return this.resources.filter((r) => r.type === type);
    }

    named(name: string): Recorded {
        const found = this.resources.filter((r) => r.name === name);
        if (found.length !== 1) {
            throw new Error(`expected one resource named ${name}, found ${found.length}: ${this.resources.map((r) => r.name).join(", ")}`);
        }
        return found[0];
    }
}

function hex(s: string): string {
    let h = 0;
    for (const c of s) {
        h = (h * 31 + c.charCodeAt(0)) >>> 0;
    }
    return (h.toString(16) + "00000000000000000").slice(0, 17);
}

export const recorder = new Recorder();
pulumi.runtime.setMocks(recorder, "datasync-privatelink", "test", false);

/** The value of an output (undefined when unknown). */
export function resolve<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise((ok, fail) => {
        (o as any).promise().then(ok, fail);
    });
}

/** Waits until registrations triggered by outputs have settled. */
export async function settle(...outs: pulumi.Output<unknown>[]): Promise<void> {
    await Promise.all(outs.map(resolve));
    await new Promise((r) => setTimeout(r, 50));
}
