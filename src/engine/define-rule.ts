import type { Rule, RuleMeta } from './types.js';

type MetaInput = Omit<RuleMeta, 'aliases' | 'enabledByDefault'> &
  Partial<Pick<RuleMeta, 'aliases' | 'enabledByDefault'>>;

/**
 * Declares a rule: metadata first, then the check. Options are typed through `defaultOptions`
 * (typescript-eslint's createRule idea), so a rule cannot read an option it did not declare.
 */
export function defineRule<Options extends object = Record<string, never>>(rule: {
  meta: MetaInput;
  defaultOptions?: Options;
  prepare?: Rule<Options>['prepare'];
  check: Rule<Options>['check'];
}): Rule<Options> {
  return {
    meta: { aliases: [], enabledByDefault: true, ...rule.meta },
    defaultOptions: (rule.defaultOptions ?? {}) as Options,
    ...(rule.prepare ? { prepare: rule.prepare } : {}),
    check: rule.check,
  };
}
