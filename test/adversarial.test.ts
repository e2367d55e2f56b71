/**
 * Every rule against ~1 MB adversarial instructions (issue 8): no regular expression may backtrack
 * catastrophically. BuildKit refuses physical lines over 64 KiB, so the megabyte is built from
 * continuation lines, which rules then see as one logical line. A catastrophic pattern shows up
 * as this test hanging past its time limit; nothing here times anything.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '../src/engine/config.js';
import { lintSource } from '../src/engine/lint.js';
import { defaultRegistry } from '../src/rules/index.js';

process.env.DOCKSIDE_SHELLCHECK = 'off';

const PAYLOADS: Record<string, string> = {
  letters: 'a',
  blanks: ' \t',
  equals: 'a=',
  dollars: '${',
  quotes: '"\'',
  flags: '--x=',
  heredoc: '<<',
  backslashes: '\\a',
};

const KEYWORDS = ['FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'LABEL', 'ARG', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'WORKDIR', 'USER', 'HEALTHCHECK CMD', 'SHELL', 'VOLUME', 'STOPSIGNAL', 'ONBUILD RUN', 'MAINTAINER'];

/** ~1 MB of `unit`, as 16 physical lines of under 64 KiB joined by continuations. */
function megabyteInstruction(keyword: string, unit: string): string {
  const perLine = unit.repeat(Math.floor(60_000 / unit.length));
  return `${keyword} ${Array.from({ length: 17 }, () => perLine).join(' \\\n')}\n`;
}

describe('adversarial 1 MB instructions', () => {
  const registry = defaultRegistry();
  const config = {
    ...EMPTY_CONFIG,
    rules: new Map(registry.rules.filter((rule) => rule.meta.requiresContext).map((rule) => [rule.meta.code, { level: 'off' as const }])),
  };
  for (const keyword of KEYWORDS) {
    it(`${keyword}: every rule finishes on every payload`, async () => {
      for (const [name, unit] of Object.entries(PAYLOADS)) {
        const text = `FROM alpine:3.20 AS base\n${megabyteInstruction(keyword, unit)}USER app\n`;
        expect(text.length, name).toBeGreaterThan(1_000_000);
        const result = await lintSource(text, `adversarial-${name}`, { registry, config });
        expect(result.findings.filter((finding) => finding.code === 'internal-error'), name).toEqual([]);
      }
    }, 120_000);
  }

  // One long word per instruction (an image name, a path) that almost matches a grammar and then
  // fails at the end: where an ambiguous pattern would backtrack.
  it('single 60 KB words that fail at their last character', async () => {
    for (const keyword of ['FROM', 'COPY --from=a', 'WORKDIR', 'USER', 'EXPOSE', 'ARG', 'ENV', 'LABEL']) {
      for (const unit of ['a', 'a-', 'a.', 'a/', 'a=', 'a:', '1']) {
        const word = `${unit.repeat(Math.floor(60_000 / unit.length))}!`;
        const text = `FROM alpine:3.20\n${keyword} ${word}${keyword.startsWith('COPY') ? ' /x' : ''}\nUSER app\n`;
        const result = await lintSource(text, `adversarial-word`, { registry, config });
        expect(result.findings.filter((finding) => finding.code === 'internal-error'), `${keyword} ${unit}`).toEqual([]);
      }
    }
  }, 120_000);
});
