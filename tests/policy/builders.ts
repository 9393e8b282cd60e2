// A small correct DataSync network for the stack-policy tests to add rules and mistakes to:
// destination VPC with the endpoint (and its group), source VPC with a tagged EC2 agent (and its
// group), no rules yet.
import { TYPES } from "../../policy/lib/types";
import { FixtureResource, ref, StackFixture } from "./fixtures";

export interface Network {
    s: StackFixture;
    destination: FixtureResource;
    source: FixtureResource;
    destSubnet: FixtureResource;
    sourceSubnet: FixtureResource;
    endpointSg: FixtureResource;
    endpoint: FixtureResource;
    agentSg: FixtureResource;
    vm: FixtureResource;
    /** An unrelated group (a web server's), to show rules elsewhere are not judged. */
    webSg: FixtureResource;
}

/** The endpoint's interface address in destination-subnet (10.0.1.0/24). */
export const ENDPOINT_IP = "10.0.1.5";

export function network(o: { preview?: boolean; tagAgent?: boolean } = {}): Network {
    const s = new StackFixture({ preview: o.preview });
    const destination = s.add(TYPES.vpc, "destination-vpc", { cidrBlock: "10.0.0.0/16" });
    const source = s.add(TYPES.vpc, "source-vpc", { cidrBlock: "10.1.0.0/16" });
    const destSubnet = s.add(TYPES.subnet, "destination-subnet", { vpcId: ref(destination), cidrBlock: "10.0.1.0/24" });
    const sourceSubnet = s.add(TYPES.subnet, "source-subnet", { vpcId: ref(source), cidrBlock: "10.1.1.0/24" });
    const endpointSg = s.add(TYPES.securityGroup, "endpoint-sg", { vpcId: ref(destination) });
    const endpoint = s.add(
        TYPES.vpcEndpoint,
        "endpoint",
        {
            vpcId: ref(destination),
            serviceName: "com.amazonaws.eu-west-2.datasync",
            vpcEndpointType: "Interface",
            privateDnsEnabled: false,
            subnetIds: [ref(destSubnet)],
            securityGroupIds: [ref(endpointSg)],
        },
        { outputs: { subnetConfigurations: [{ subnetId: "subnet-dest", ipv4: ENDPOINT_IP }] } },
    );
    const agentSg = s.add(TYPES.securityGroup, "agent-sg", { vpcId: ref(source) });
    const vm = s.add(
        TYPES.instance,
        "agent-vm",
        {
            instanceType: "m5.2xlarge",
            subnetId: ref(sourceSubnet),
            vpcSecurityGroupIds: [ref(agentSg)],
            associatePublicIpAddress: false,
            metadataOptions: { httpTokens: "required" },
            rootBlockDevice: { encrypted: true },
            tags: o.tagAgent === false ? { Name: "vm-1" } : { Name: "datasync-agent-1" },
        },
        { outputs: { privateIp: "10.1.1.10" } },
    );
    const webSg = s.add(TYPES.securityGroup, "web-sg", { vpcId: ref(source) });
    return { s, destination, source, destSubnet, sourceSubnet, endpointSg, endpoint, agentSg, vm, webSg };
}

/** An aws.vpc.SecurityGroupIngressRule. */
export function ingress(n: Network, name: string, group: FixtureResource, props: Record<string, unknown>): FixtureResource {
    return n.s.add(TYPES.securityGroupIngressRule, name, { securityGroupId: ref(group), ...props });
}

/** An aws.vpc.SecurityGroupEgressRule. */
export function egress(n: Network, name: string, group: FixtureResource, props: Record<string, unknown>): FixtureResource {
    return n.s.add(TYPES.securityGroupEgressRule, name, { securityGroupId: ref(group), ...props });
}
