import * as pulumi from "@pulumi/pulumi";

/** Who may ask agents for their activation key, and where they are activated. */
export interface ActivationAccess {
    /**
     * Addresses or ranges allowed to reach EC2 agents on TCP 80 for activation: the machine running Pulumi, or the
     * jump host. Required when an agent has `instance`. 0.0.0.0/0 is refused unless `allowWorldActivationSource`
     * is true.
     */
    activationSourceCidrs?: pulumi.Input<string>[];
    /**
     * Accept 0.0.0.0/0 in `activationSourceCidrs`. Leave it off: it opens the agents' port 80 to every address.
     * @default activationAccess.allowWorldActivationSource
     */
    allowWorldActivationSource?: boolean;
    /** The Region agents are activated in: the endpoint's. Defaults to the destination side's Region; must equal it. */
    activationRegion?: pulumi.Input<string>;
}
