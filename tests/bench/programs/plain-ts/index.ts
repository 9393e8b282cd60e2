// The AWS resources the PrivateAgent makes for one EC2 agent in the endpoint's VPC, written by hand
// with @pulumi/aws and @pulumi/command: no input checks, no lookups beyond the AMI, no component.
// The baseline of the multi-language benchmark; the activation runs the same script the provider
// installs (config activationScript), so both sides pay the same for it.
import * as aws from "@pulumi/aws";
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";

const c = new pulumi.Config();
const region = c.require("region");
const vpcId = c.require("vpcId");
const activationSubnetId = c.require("activationSubnetId");
const ports: Array<[number, number]> = [
    [443, 443],
    [1024, 1064],
];

// The endpoint and its group, which admits the agents' group by reference.
const endpointGroup = new aws.ec2.SecurityGroup("endpoint-sg", { vpcId, description: "DataSync interface endpoint" });
const endpoint = new aws.ec2.VpcEndpoint("endpoint", {
    vpcId,
    vpcEndpointType: "Interface",
    serviceName: `com.amazonaws.${region}.datasync`,
    privateDnsEnabled: false,
    subnetIds: c.requireObject<string[]>("endpointSubnetIds"),
    securityGroupIds: [endpointGroup.id],
});
const endpointIp = endpoint.subnetConfigurations.apply((cs) => cs.find((x) => x.subnetId === activationSubnetId)!.ipv4!);
const agentGroup = new aws.ec2.SecurityGroup("agent-sg", { vpcId, description: "DataSync agent" });
const endpointRules = ports.map(
    ([from, to]) =>
        new aws.vpc.SecurityGroupIngressRule(`endpoint-in-${from}`, {
            securityGroupId: endpointGroup.id,
            referencedSecurityGroupId: agentGroup.id,
            ipProtocol: "tcp",
            fromPort: from,
            toPort: to,
        }),
);
const agentRules = [
    new aws.vpc.SecurityGroupIngressRule("agent-in-80", {
        securityGroupId: agentGroup.id,
        cidrIpv4: c.require("activationSourceCidr"),
        ipProtocol: "tcp",
        fromPort: 80,
        toPort: 80,
    }),
    new aws.vpc.SecurityGroupEgressRule("agent-out-tasks", {
        securityGroupId: agentGroup.id,
        cidrIpv4: c.require("taskCidr"),
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
    }),
    ...ports.map(
        ([from, to]) =>
            new aws.vpc.SecurityGroupEgressRule(`agent-out-endpoint-${from}`, {
                securityGroupId: agentGroup.id,
                cidrIpv4: pulumi.interpolate`${endpointIp}/32`,
                ipProtocol: "tcp",
                fromPort: from,
                toPort: to,
            }),
    ),
];

// The agent VM, its activation, and CreateAgent.
const ami = aws.ssm.getParameterOutput({ name: "/aws/service/datasync/ami" }).insecureValue;
const instance = new aws.ec2.Instance("agent", {
    ami,
    instanceType: "m5.2xlarge",
    subnetId: c.require("agentSubnetId"),
    vpcSecurityGroupIds: [agentGroup.id],
    associatePublicIpAddress: false,
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required" },
    rootBlockDevice: { encrypted: true, volumeSize: 80, volumeType: "gp3" },
});
const activation = new command.local.Command(
    "activation",
    {
        create: `exec /bin/sh ${c.require("activationScript")}`,
        environment: {
            AGENT_ADDRESS: c.require("activationAddress"),
            ACTIVATION_REGION: region,
            ENDPOINT_TYPE: "PRIVATE_LINK",
            PRIVATE_LINK_ENDPOINT: endpointIp,
            ACTIVATION_TIMEOUT_SECONDS: "600",
            ACTIVATION_REQUEST_TIMEOUT_SECONDS: "10",
        },
        triggers: [instance.id, endpoint.id],
        logging: "stderr",
    },
    { dependsOn: [...agentRules, ...endpointRules], additionalSecretOutputs: ["stdout"] },
);
const agent = new aws.datasync.Agent("agent", {
    name: "ec2",
    activationKey: activation.stdout.apply((s) => s.trim()),
    vpcEndpointId: endpoint.id,
    subnetArns: [`arn:aws:ec2:${region}:${c.require("accountId")}:subnet/${activationSubnetId}`],
    securityGroupArns: [endpointGroup.arn],
});

export const agentArn = agent.arn;
