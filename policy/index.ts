// The policy pack. This file only constructs the PolicyPack (which starts the analyzer server);
// the policies live in ./policies so tests can import them without it.
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("datasync-privatelink-policies", {
    policies,
    description:
        "Rules for private AWS DataSync agents over PrivateLink, for stacks built with the datasync-privatelink components or by hand with @pulumi/aws.",
    provider: "aws",
    tags: ["datasync", "privatelink", "aws"],
});
