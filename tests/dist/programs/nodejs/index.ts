// The dist test's TypeScript program: an on-premises agent over an existing link, activated with a
// key read from the agent's console (activation.mode "manual": no request to port 80).
// @datasync-privatelink/pulumi is replaced by the npm package name from schema.json by tests/dist/run.sh.
import * as pulumi from "@pulumi/pulumi";
import * as dspl from "@datasync-privatelink/pulumi";

const config = new pulumi.Config();
const fleet = new dspl.PrivateAgent("dsync", {
    vpcId: config.require("vpcId"),
    endpointSubnetIds: config.requireObject<string[]>("endpointSubnetIds"),
    agents: [{ name: "onprem1", address: "192.168.10.5", activation: { mode: "manual", manualKey: config.requireSecret("manualKey") } }],
    link: { mode: "existing", sourceCidrBlocks: ["192.168.0.0/16"], destinationCidrBlocks: ["10.0.0.0/16"] },
});

export const agentArn = fleet.agentArn;
