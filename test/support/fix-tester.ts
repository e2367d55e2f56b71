/**
 * Fix tests, per the autofix acceptance: for each case the fix gives the expected output, removes
 * the rule's finding, parses, is idempotent (a second pass changes nothing), and brings no finding
 * of another rule that was not there before (beyond the ones the case names).
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG, type RuleSetting } from '../../src/engine/config.js';
import { fixSource } from '../../src/engine/fixer.js';
import { lintSource, type EngineOptions } from '../../src/engine/lint.js';
import type { AnyRule, Finding } from '../../src/engine/types.js';
import { defaultRegistry } from '../../src/rules/index.js';

export interface FixCase {
  readonly name?: string;
  readonly code: string;
  /** The expected text after fixing. */
  readonly output: string;
  /** Apply unsafe fixes too. */
  readonly unsafe?: boolean;
  /** Codes of other rules whose new findings are expected (the rule's docs name them). */
  readonly allowNew?: readonly string[];
}

const findingKey = (finding: Finding): string => `${finding.code}:${finding.message}`;

export function fixTester(rule: AnyRule, cases: readonly FixCase[]): void {
  const registry = defaultRegistry();
  // Every default rule runs, so a fix that makes another rule fire is caught; context rules are
  // off (fix tests have no build context).
  const engine: EngineOptions = {
    registry,
    config: {
      ...EMPTY_CONFIG,
      rules: new Map<string, RuleSetting>([
        ...registry.rules.filter((candidate) => candidate.meta.requiresContext).map((candidate) => [candidate.meta.code, { level: 'off' as const }] as const),
        [rule.meta.code, { level: 'on' as const }],
      ]),
    },
  };
  describe(`${rule.meta.code} ${rule.meta.name} fixes`, () => {
    for (const [index, testCase] of cases.entries()) {
      it(testCase.name ?? `fix #${index + 1}`, async () => {
        const applicability = testCase.unsafe ? 'unsafe' : 'safe';
        const before = await lintSource(testCase.code, 'Dockerfile', engine);
        expect(before.findings.some((finding) => finding.rule === rule.meta.name && finding.fix), 'the rule reports a fixable finding').toBe(true);
        const fixed = await fixSource(testCase.code, 'Dockerfile', engine, { applicability });
        expect(fixed.refused).toBeNull();
        expect(fixed.output).toBe(testCase.output);
        const after = await lintSource(fixed.output, 'Dockerfile', engine);
        expect(after.findings.filter((finding) => finding.code === 'DL1000' && finding.level === 'error')).toEqual([]);
        expect(after.findings.filter((finding) => finding.rule === rule.meta.name && finding.fix && (finding.fix.applicability === 'safe' || testCase.unsafe))).toEqual([]);
        const again = await fixSource(fixed.output, 'Dockerfile', engine, { applicability });
        expect(again.output, 'a second fix changes nothing').toBe(fixed.output);
        const beforeKeys = new Set(before.findings.map(findingKey));
        const allowed = new Set(testCase.allowNew ?? []);
        const introduced = after.findings.filter((finding) => !beforeKeys.has(findingKey(finding)) && !allowed.has(finding.code));
        expect(introduced.map(findingKey)).toEqual([]);
      });
    }
  });
}
