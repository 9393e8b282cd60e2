// Each component's checks of its inputs alone, by registry name. The provider runs them on the
// inputs once they resolve, before the component itself is registered: a bad input then leaves
// nothing behind at all, not even an empty component in the state.
import type { Known, Problem } from "../plan";
import { validateAgent, validateNetworkLink, validatePrivateAgent, validateServiceEndpoint } from "../plan";
import type { ComponentName } from "./tokens";

export const INPUT_CHECKS: { readonly [N in ComponentName]: (a: Known<never>) => Problem[] } = {
    ServiceEndpoint: validateServiceEndpoint,
    NetworkLink: validateNetworkLink,
    Agent: validateAgent,
    PrivateAgent: validatePrivateAgent,
};
