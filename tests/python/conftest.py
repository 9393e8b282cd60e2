"""Pulumi mocks for the Python SDK consumer tests.

A component from a multi-language provider is a *remote* component: under mocks, the SDK sends
it to ``new_resource`` with its type token and its inputs serialized the way the engine would
receive them (camelCase names, nested objects as dicts). The mocks record every registration
and answer with outputs shaped like the provider's, so the tests can check both directions:
what the SDK sends for what a user writes, and how the SDK exposes what comes back.
"""

import os
import sys

import pytest
import pulumi

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

PRIVATE_AGENT = "datasync-privatelink:index:PrivateAgent"
SERVICE_ENDPOINT = "datasync-privatelink:index:ServiceEndpoint"
NETWORK_LINK = "datasync-privatelink:index:NetworkLink"
AGENT = "datasync-privatelink:index:Agent"

FIREWALL_RULES = [
    {"from": "10.20.1.15", "to": "10.0.1.99", "protocol": "tcp", "ports": "443", "purpose": "activation and endpoint registration"},
    {"from": "10.20.1.15", "to": "10.0.1.99", "protocol": "tcp", "ports": "1024-1064", "purpose": "control traffic"},
]


def agent_arn(name: str) -> str:
    return f"arn:aws:datasync:eu-west-2:111111111111:agent/agent-{name}"


class Mocks(pulumi.runtime.Mocks):
    """Records registrations; answers the four components with provider-shaped outputs."""

    def __init__(self):
        self.registered = []  # MockResourceArgs, in registration order

    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        self.registered.append(args)
        inputs = dict(args.inputs)
        outputs = {}
        if args.typ == PRIVATE_AGENT:
            names = [a["name"] for a in inputs.get("agents", [])]
            outputs = {
                "agentArn": agent_arn(names[0]) if names else "",
                "agentArns": [agent_arn(n) for n in names],
                "vpcEndpointId": "vpce-0123456789abcdef0",
                "endpointPrivateIp": "10.0.1.99",
                "securityGroupId": "sg-0123456789abcdef0",
                "peeringConnectionId": "pcx-0123456789abcdef0" if inputs.get("link", {}).get("mode") == "peering" else "",
                "firewallRules": FIREWALL_RULES,
            }
        elif args.typ == SERVICE_ENDPOINT:
            outputs = {
                "vpcEndpointId": "vpce-0123456789abcdef0",
                "endpointPrivateIp": "10.0.1.99",
                "securityGroupId": "sg-0123456789abcdef0",
                "securityGroupArn": "arn:aws:ec2:eu-west-2:111111111111:security-group/sg-0123456789abcdef0",
                "subnetArn": "arn:aws:ec2:eu-west-2:111111111111:subnet/" + inputs["subnetIds"][0],
                "region": "eu-west-2",
                "firewallRules": FIREWALL_RULES,
            }
        elif args.typ == NETWORK_LINK:
            outputs = {
                "peeringConnectionId": "",
                "routeIds": ["r-1", "r-2"],
                "firewallRules": FIREWALL_RULES,
            }
        elif args.typ == AGENT:
            outputs = {
                "agentArn": agent_arn(inputs.get("agentName", args.name)),
                "agentAddress": inputs.get("address", "10.20.1.15"),
                "instanceId": "",
                "firewallRules": FIREWALL_RULES,
            }
        return [f"{args.name}-id", outputs]

    def call(self, args: pulumi.runtime.MockCallArgs):
        return {}

    def of_type(self, typ: str):
        return [r for r in self.registered if r.typ == typ]

    def one(self, typ: str):
        found = self.of_type(typ)
        assert len(found) == 1, f"expected one {typ}, got {[r.name for r in found]}"
        return found[0]


@pytest.fixture
def mocks():
    m = Mocks()
    pulumi.runtime.set_mocks(m, project="dspl-tests", stack="test", preview=False)
    yield m

