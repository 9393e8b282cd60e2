// Every policy of the pack, in the order of the README table. Importing this module does not
// create the PolicyPack (policy/index.ts does), so tests can run the policies directly.
import { Policies } from "@pulumi/policy";
import { activationKeySecret } from "./activationCommand";
import { activationPortRestricted } from "./activationPort";
import { agentEgressReachesEndpoint } from "./agentEgress";
import { agentInEndpointVpcAndRegion } from "./agentPlacement";
import { awsAcceptsNames } from "./awsNames";
import { agentUsesPrivateEndpoint } from "./privateAgent";
import { connectedVpcsDoNotOverlap } from "./cidrOverlap";
import { noDuplicateRoutes } from "./duplicateRoutes";
import { noDuplicateRules } from "./duplicateRules";
import { ec2AgentHardened } from "./ec2Agent";
import { noWorldIngress } from "./worldIngress";
import { privateDnsDisabled } from "./privateDns";
import { securityGroupRuleQuota } from "./ruleQuota";
import { serviceNameMatchesRegion } from "./serviceName";
import { supportChannelOnlyWhenAllowed } from "./supportChannel";

export {
    activationKeySecret,
    activationPortRestricted,
    agentEgressReachesEndpoint,
    agentInEndpointVpcAndRegion,
    agentUsesPrivateEndpoint,
    awsAcceptsNames,
    connectedVpcsDoNotOverlap,
    ec2AgentHardened,
    noDuplicateRoutes,
    noDuplicateRules,
    noWorldIngress,
    privateDnsDisabled,
    securityGroupRuleQuota,
    serviceNameMatchesRegion,
    supportChannelOnlyWhenAllowed,
};

export const policies: Policies = [
    privateDnsDisabled, // 1
    serviceNameMatchesRegion, // 2
    noWorldIngress, // 3
    activationPortRestricted, // 4
    supportChannelOnlyWhenAllowed, // 5
    agentUsesPrivateEndpoint, // 6
    ec2AgentHardened, // 7
    connectedVpcsDoNotOverlap, // 8
    agentInEndpointVpcAndRegion, // 9
    activationKeySecret, // 10
    securityGroupRuleQuota, // 11
    noDuplicateRules, // 12
    agentEgressReachesEndpoint, // 13
    noDuplicateRoutes, // 14
    awsAcceptsNames, // 15
];
