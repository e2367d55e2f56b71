import type { AnyRule } from './types.js';

/**
 * Looks rules up by code, name or alias, case-insensitively: config, CLI and pragmas accept any of
 * the three (`DL3000`, `use-absolute-workdir`, `WorkdirRelativePath`).
 */
export class RuleRegistry {
  private readonly byIdentity = new Map<string, AnyRule>();

  constructor(readonly rules: readonly AnyRule[]) {
    for (const rule of rules) {
      for (const identity of [rule.meta.code, rule.meta.name, ...rule.meta.aliases]) {
        const key = identity.toLowerCase();
        const existing = this.byIdentity.get(key);
        if (existing && existing !== rule) {
          throw new Error(`rule identity ${identity} is claimed by ${existing.meta.code} and ${rule.meta.code}`);
        }
        this.byIdentity.set(key, rule);
      }
    }
  }

  find(identity: string): AnyRule | undefined {
    return this.byIdentity.get(identity.toLowerCase());
  }

  /** Every identity a rule answers to, lower-cased. */
  identitiesOf(rule: AnyRule): string[] {
    return [rule.meta.code, rule.meta.name, ...rule.meta.aliases].map((identity) => identity.toLowerCase());
  }
}
