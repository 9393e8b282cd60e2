// AWS reserves the "aws:" tag prefix; CreateTags rejects it, so catch it before
// half the resources are made.
export function reservedTagKeys(tags: Record<string, unknown>): string[] {
    return Object.keys(tags).filter((k) => k.toLowerCase().startsWith("aws:"));
}
