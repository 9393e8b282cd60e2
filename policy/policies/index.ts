// Every policy of the pack, in the order of the README table. Importing this module does not
// create the PolicyPack (policy/index.ts does), so tests can run the policies directly.
import { Policies } from "@pulumi/policy";
import { activationKeySecret } from "./activationCommand";
import { activationPortRestricted } from "./activationPort";
import { agentInEndpointVpcAndRegion } from "./agentPlacement";
import { agentUsesPrivateEndpoint } from "./privateAgent";
import { connectedVpcsDoNotOverlap } from "./cidrOverlap";
import { ec2AgentHardened } from "./ec2Agent";
import { noWorldIngress } from "./worldIngress";
import { privateDnsDisabled } from "./privateDns";
import { serviceNameMatchesRegion } from "./serviceName";
import { supportChannelOnlyWhenAllowed } from "./supportChannel";

export {
    activationKeySecret,
    activationPortRestricted,
    agentInEndpointVpcAndRegion,
    agentUsesPrivateEndpoint,
    connectedVpcsDoNotOverlap,
    ec2AgentHardened,
    noWorldIngress,
    privateDnsDisabled,
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
];
