/**
 * Reference cases (../shared/reference/hadolint-cases.jsonl) where dockside deliberately answers
 * differently from hadolint. Each entry names the case id and the reason; the rule's docs say so too.
 */
export const HADOLINT_DIFFERENCES: Readonly<Record<string, string>> = {
  'DL3009-clean-9':
    'The second --mount follows a mid-line backslash; BuildKit stops reading flags there, so only the /var/lib/apt mount is a mount and the apt lists are not covered (same as DL3009-hit-11). hadolint reads both mounts.',
  'DL3009-clean-10': 'Same as DL3009-clean-9: BuildKit does not see a flag after a mid-line backslash.',
};
