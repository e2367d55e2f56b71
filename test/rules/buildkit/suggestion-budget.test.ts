/**
 * "Did you mean" suggestions (UndefinedVar, UndefinedArgInFrom) compare an undefined name with every
 * name in scope: a file's searches share one budget of comparisons, and past it findings keep their
 * message without the suggestion.
 */
import { describe, expect, it } from 'vitest';
import { InheritedMap } from '../../../src/parser/inherited-map.js';
import { SUGGESTION_COMPARISONS_PER_FILE, SuggestionBudget, suggestClosest } from '../../../src/rules/buildkit/support.js';
import { lintForTest } from '../../support/rule-tester.js';

describe('suggestion budget', () => {
  it('searches whole or not at all, and charges one comparison per name', () => {
    const names = ['HOME', 'PATH', 'USER'];
    const budget = new SuggestionBudget(7);
    expect(suggestClosest('PAHT', names, budget)).toBe('PATH');
    expect(budget.remaining).toBe(4);
    expect(suggestClosest('HOEM', InheritedMap.empty(names.map((name) => [name, ''] as const)), budget)).toBe('HOME');
    expect(budget.remaining).toBe(1);
    expect(suggestClosest('USRE', names, budget), 'three names, one comparison left').toBeNull();
    expect(suggestClosest('USRE', [], budget), 'spent: nothing more').toBeNull();
  });

  it('stops suggesting in a file whose searches would pass it, and only there', async () => {
    // 2,001 names in scope (PATH is always there) and 600 undefined uses: 1.2 million comparisons.
    const names = Array.from({ length: 2_000 }, (_, index) => `NAME_${index}`);
    const uses = Array.from({ length: 600 }, (_, index) => `COPY $NAME_${index}x /d${index}\n`).join('');
    const findings = await lintForTest(`FROM alpine\nENV ${names.map((name) => `${name}=1`).join(' ')}\n${uses}`, { only: ['UndefinedVar'] });
    expect(findings).toHaveLength(600);
    const suggested = findings.filter((finding) => finding.message.includes('(did you mean'));
    expect(suggested).toHaveLength(Math.floor(SUGGESTION_COMPARISONS_PER_FILE / (names.length + 1)));
    expect(findings[0]!.message).toBe("Usage of undefined variable '$NAME_0x' (did you mean $NAME_0?)");
    expect(findings[599]!.message).toBe("Usage of undefined variable '$NAME_599x'");
    // The next file has its own budget.
    const next = await lintForTest('FROM alpine\nENV NAME_1=1\nCOPY $NAME_1x /d\n', { only: ['UndefinedVar'] });
    expect(next.map((finding) => finding.message)).toEqual(["Usage of undefined variable '$NAME_1x' (did you mean $NAME_1?)"]);
  });
});
