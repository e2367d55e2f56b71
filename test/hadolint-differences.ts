/**
 * Reference cases (../shared/reference/hadolint-cases.jsonl) where dockside deliberately answers
 * differently from hadolint. Each entry names the case id and the reason; the rule's docs say so too.
 */
export const HADOLINT_DIFFERENCES: Readonly<Record<string, string>> = {
  // None today. DL3009-clean-9/-10 were listed here while RUN scripts went through tree-sitter,
  // which read `\ ` (an escaped blank) as a line continuation; bash (and hadolint's ShellCheck
  // parser) read it as a one-space word, so `\    apt-get update` runs no apt-get at all.
};
