import { RuleRegistry } from '../engine/registry.js';
import { compareNames, type AnyRule } from '../engine/types.js';
import { analysisRules } from './analysis/registry.js';
import { buildkitRules } from './buildkit/registry.js';
import { generalRules } from './hadolint/registry-general.js';
import { labelRules } from './hadolint/registry-labels.js';
import { packageRules } from './hadolint/registry-packages.js';
import { shellRules } from './hadolint/registry-shell.js';
import { shellcheckRules } from './shellcheck/registry.js';

/** Every rule dockside ships, in a stable order (hadolint codes, then BuildKit, then ours). */
export const allRules: readonly AnyRule[] = [
  ...generalRules,
  ...labelRules,
  ...packageRules,
  ...shellRules,
  ...buildkitRules,
  ...analysisRules,
  ...shellcheckRules,
].sort((a, b) => compareNames(a.meta.code, b.meta.code));

let registry: RuleRegistry | null = null;

export function defaultRegistry(): RuleRegistry {
  registry ??= new RuleRegistry(allRules);
  return registry;
}
