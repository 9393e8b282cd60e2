// IDs the user gave that AWS does not know, reported under the input that names them. A lookup
// of another account's or Region's resource fails the same way (EC2 scopes IDs to both), so the
// message names the side whose credentials and Region were used.
import { Found, isMissing } from "../facts";
import { UNKNOWN } from "../known";
import { Problems } from "../problems";

/** The value when it was found (not UNKNOWN in a preview, not missing). */
export function present<T>(v: Found<T> | undefined): v is T {
    return v !== undefined && v !== UNKNOWN && !isMissing(v);
}

export function reportMissing(p: Problems, path: string, v: unknown, what: string, side: "source" | "destination"): void {
    if (isMissing(v)) {
        p.add(
            path,
            v.missing,
            `no such ${what} in the ${side} side's account and Region`,
            `check the ID, and that the ${what} belongs to the ${side} side (its account and Region)`,
        );
    }
}
