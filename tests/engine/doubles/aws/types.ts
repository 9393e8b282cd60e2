// Every resource type the double serves, by token.
import type { AnySpec } from "./contract";
import { agentSpec } from "./services/datasync";
import { endpointGroupAssociationSpec, vpcEndpointSpec } from "./services/endpoints";
import { instanceSpec } from "./services/instances";
import { NETWORK_TYPES } from "./services/network";
import { peeringAccepterSpec, peeringSpec } from "./services/peering";
import { principalAssociationSpec, resourceAssociationSpec, resourceShareSpec, shareAccepterSpec } from "./services/ram";
import { routeSpec } from "./services/routes";
import { egressRuleSpec, ingressRuleSpec, legacyRuleSpec } from "./services/securityGroupRules";
import { securityGroupSpec } from "./services/securityGroups";
import { tgwPeeringAccepterSpec, tgwPeeringSpec } from "./services/tgwPeering";
import { tgwAssociationSpec, tgwPropagationSpec, tgwRouteSpec } from "./services/tgwRoutes";
import { vpcAttachmentAccepterSpec, vpcAttachmentSpec } from "./services/transitGateway";
import { T } from "./tokens";

const MAKERS: Record<string, () => AnySpec> = {
    [T.securityGroup]: securityGroupSpec,
    [T.ingressRule]: ingressRuleSpec,
    [T.egressRule]: egressRuleSpec,
    [T.securityGroupRule]: legacyRuleSpec,
    [T.securityGroupAssociation]: endpointGroupAssociationSpec,
    [T.vpcEndpoint]: vpcEndpointSpec,
    [T.instance]: instanceSpec,
    [T.datasyncAgent]: agentSpec,
    [T.vpcPeering]: peeringSpec,
    [T.vpcPeeringAccepter]: peeringAccepterSpec,
    [T.route]: routeSpec,
    [T.tgwVpcAttachment]: vpcAttachmentSpec,
    [T.tgwVpcAttachmentAccepter]: vpcAttachmentAccepterSpec,
    [T.tgwPeering]: tgwPeeringSpec,
    [T.tgwPeeringAccepter]: tgwPeeringAccepterSpec,
    [T.tgwRoute]: tgwRouteSpec,
    [T.tgwRouteTableAssociation]: tgwAssociationSpec,
    [T.tgwRouteTablePropagation]: tgwPropagationSpec,
    [T.ramShare]: resourceShareSpec,
    [T.ramResourceAssociation]: resourceAssociationSpec,
    [T.ramPrincipalAssociation]: principalAssociationSpec,
    [T.ramShareAccepter]: shareAccepterSpec,
    ...NETWORK_TYPES,
};

export const SPECS: Record<string, AnySpec> = Object.fromEntries(Object.entries(MAKERS).map(([k, make]) => [k, make()]));
