/** The shape of a DataSync activation key, e.g. F0EFT-7FPPR-GG7MC-3I9R3-27DOH. */
export const ACTIVATION_KEY_PATTERN = /^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$/;

export function isActivationKey(value: unknown): boolean {
    return typeof value === "string" && ACTIVATION_KEY_PATTERN.test(value.trim());
}
