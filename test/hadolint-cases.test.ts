/**
 * hadolint's own spec cases, data-driven: each case runs only its rule, with its hadolint config,
 * and expects at least one finding of that rule (`hit`) or none (`clean`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRegistry } from '../src/rules/index.js';
import { HADOLINT_DIFFERENCES } from './hadolint-differences.js';
import { lintForTest } from './support/rule-tester.js';
import { REFERENCE_DIR, hasShared, skipMessage } from './support/shared.js';

interface HadolintCase {
  readonly id: string;
  readonly rule: string;
  readonly dockerfile: string;
  readonly expect: 'hit' | 'clean';
  readonly config?: Record<string, unknown>;
}

const cases: HadolintCase[] = hasShared
  ? readFileSync(join(REFERENCE_DIR, 'hadolint-cases.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as HadolintCase)
  : [];

describe.skipIf(!hasShared)('hadolint reference cases', () => {
  if (!hasShared) it.skip(skipMessage('hadolint-cases.jsonl'), () => {});
  const registry = defaultRegistry();
  const byRule = new Map<string, HadolintCase[]>();
  for (const testCase of cases) byRule.set(testCase.rule, [...(byRule.get(testCase.rule) ?? []), testCase]);

  it('has 1,038 cases over 71 rules', () => {
    expect(cases).toHaveLength(1038);
    expect(byRule.size).toBe(71);
  });

  for (const [ruleCode, ruleCases] of byRule) {
    const implemented = registry.find(ruleCode) !== undefined;
    describe.skipIf(!implemented)(ruleCode, () => {
      for (const testCase of ruleCases) {
        const difference = HADOLINT_DIFFERENCES[testCase.id];
        it(`${testCase.id}${difference ? ' (deliberate difference)' : ''}`, async () => {
          const findings = await lintForTest(testCase.dockerfile, {
            only: [ruleCode],
            ...(testCase.config ? { hadolintConfig: testCase.config } : {}),
          });
          const hits = findings.filter((finding) => finding.code === ruleCode);
          const expected = difference ? (testCase.expect === 'hit' ? 'clean' : 'hit') : testCase.expect;
          expect(hits.length > 0 ? 'hit' : 'clean', JSON.stringify(testCase.dockerfile)).toBe(expected);
        });
      }
    });
  }
});
