// What a lookup needs: the inventory, and the account and Region it reads from (the provider's
// account; the function's `region` argument, else the provider's Region).
import type { ProviderConfig } from "../config";
import type { Ctx } from "../contract";
import type { Inventory, Place } from "../inventory";

export interface InvokeCtx {
    inv: Inventory;
    at: Place;
    provider: ProviderConfig;
    /** The same scope as a resource context, for helpers shared with the resource handlers. */
    ctx: Ctx;
}
