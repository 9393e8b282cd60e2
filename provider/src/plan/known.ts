// Arguments as far as they are known when a component is constructed. Values that
// arrive as Outputs or Promises are only known at deployment, so the synchronous
// checks see them as UNKNOWN and skip them; the same checks run again on the
// resolved values before any resource depends on them.
//
// Only a type is taken from the args modules (which mention pulumi.Input); nothing
// here runs Pulumi code.

export const UNKNOWN: unique symbol = Symbol.for("datasync-privatelink.unknown");
export type Unknown = typeof UNKNOWN;

type OutputLike = { apply: unknown };

/** T with every Input<X> replaced by X or UNKNOWN. */
export type Known<T> =
    T extends PromiseLike<unknown>
        ? Unknown
        : T extends OutputLike
          ? Unknown
          : T extends readonly (infer E)[]
            ? Known<E>[]
            : T extends object
              ? { [K in keyof T]: Known<T[K]> }
              : T;

/** The value if known and present, else undefined (so optional checks skip it). */
export function val<T>(v: T | Unknown | undefined): T | undefined {
    return v === UNKNOWN ? undefined : v;
}

/** The known elements of a list, and whether every element (and the list) was known. */
export function knownList<T>(v: (T | Unknown)[] | Unknown | undefined): { items: T[]; complete: boolean } {
    if (v === UNKNOWN) {
        return { items: [], complete: false };
    }
    const all = v ?? [];
    const items = all.filter((x): x is T => x !== UNKNOWN);
    return { items, complete: items.length === all.length };
}
