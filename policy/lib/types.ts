// Resource type tokens the pack looks at. Plain strings so stack policies can filter without
// loading provider SDKs; tests/policy checks each against the installed SDK class.
export const TYPES = {
    vpc: "aws:ec2/vpc:Vpc",
    vpcCidrAssociation: "aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation",
    subnet: "aws:ec2/subnet:Subnet",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    securityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    securityGroupEgressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    managedPrefixList: "aws:ec2/managedPrefixList:ManagedPrefixList",
    route: "aws:ec2/route:Route",
    routeTable: "aws:ec2/routeTable:RouteTable",
    securityGroupAssociation: "aws:ec2/securityGroupAssociation:SecurityGroupAssociation",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    instance: "aws:ec2/instance:Instance",
    datasyncAgent: "aws:datasync/agent:Agent",
    vpcPeering: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    transitGateway: "aws:ec2transitgateway/transitGateway:TransitGateway",
    transitGatewayVpcAttachment: "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
    localCommand: "command:local:Command",
    remoteCommand: "command:remote:Command",
} as const;

export const COMMAND_TYPES: readonly string[] = [TYPES.localCommand, TYPES.remoteCommand];

/** "aws:ec2/securityGroup:SecurityGroup" -> "aws.ec2.SecurityGroup", for messages. */
export function shortType(token: string): string {
    const [pkg, mod, name] = token.split(":");
    if (name === undefined) {
        return token;
    }
    return `${pkg}.${mod.split("/")[0]}.${name}`;
}
