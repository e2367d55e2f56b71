/**
 * Reference cases (../shared/reference/hadolint-cases.jsonl) where dockside deliberately answers
 * differently from hadolint. Each entry names the case id and the reason; the rule's docs say so too.
 */
export const HADOLINT_DIFFERENCES: Readonly<Record<string, string>> = {};
