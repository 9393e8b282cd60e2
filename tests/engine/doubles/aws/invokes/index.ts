// The functions the double answers, by token.
import { F } from "../tokens";
import type { InvokeCtx } from "./context";
import { getNetworkInterface, getRouteTable, getSecurityGroup, getSubnet, getVpc, getVpcEndpoint, getVpcEndpointService } from "./ec2";
import {
    getCallerIdentity,
    getInstanceType,
    getInstanceTypeOffering,
    getInstanceTypeOfferings,
    getParameter,
    getRegion,
    getRegions,
    getTransitGateway,
} from "./other";

type Fn = (args: any, c: InvokeCtx) => object;

export const INVOKES: Record<string, Fn> = {
    [F.getRegion]: getRegion,
    [F.getRegions]: getRegions,
    [F.getCallerIdentity]: getCallerIdentity,
    [F.getSubnet]: getSubnet,
    [F.getVpc]: getVpc,
    [F.getNetworkInterface]: getNetworkInterface,
    [F.getSecurityGroup]: getSecurityGroup,
    [F.getVpcEndpoint]: getVpcEndpoint,
    [F.getVpcEndpointService]: getVpcEndpointService,
    [F.getRouteTable]: getRouteTable,
    [F.getInstanceType]: getInstanceType,
    [F.getInstanceTypeOffering]: getInstanceTypeOffering,
    [F.getInstanceTypeOfferings]: getInstanceTypeOfferings,
    [F.getTransitGateway]: getTransitGateway,
    [F.getParameter]: getParameter,
};
