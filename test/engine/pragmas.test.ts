import { describe, expect, it } from 'vitest';
import { lintForTest } from '../support/rule-tester.js';

const codes = async (text: string, options: Parameters<typeof lintForTest>[1] = {}): Promise<string[]> =>
  (await lintForTest(text, { only: ['DL3007', 'DL3004'], ...options })).map((finding) => `${finding.line}:${finding.code}`);

describe('inline pragmas', () => {
  it('hadolint ignore applies to the next instruction only, whole multi-line RUN included', async () => {
    const text = 'FROM a:latest\n# hadolint ignore=DL3004\nRUN echo \\\n  && sudo make\nRUN sudo make\n';
    expect(await codes(text)).toEqual(['1:DL3007', '5:DL3004']);
  });

  it('a blank line between the pragma and the instruction breaks it', async () => {
    expect(await codes('FROM a\n# hadolint ignore=DL3004\n\nRUN sudo x\n')).toEqual(['4:DL3004']);
  });

  it('accepts a trailing reason and several codes', async () => {
    expect(await codes('# hadolint ignore=DL3007, DL3004 # base pinned by CI\nFROM a:latest\n')).toEqual([]);
  });

  it('voids a hadolint pragma with lower-case codes, as hadolint does', async () => {
    expect(await codes('# hadolint ignore=dl3007\nFROM a:latest\n')).toEqual(['2:DL3007']);
  });

  it('dockside ignore accepts codes, names and aliases', async () => {
    expect(await codes('# dockside ignore=no-latest-tag\nFROM a:latest\n')).toEqual([]);
    expect(await codes('# dockside ignore=no-sudo # reason\nFROM a\nRUN sudo x\n')).toEqual(['3:DL3004']);
  });
});

describe('global and stage pragmas', () => {
  it('global ignore covers the whole file', async () => {
    expect(await codes('FROM a:latest\nRUN sudo x\n# hadolint global ignore=DL3004\nRUN sudo y\n')).toEqual(['1:DL3007']);
    expect(await codes('FROM a:latest\n# dockside global ignore=DL3007\n')).toEqual([]);
  });

  it('stage ignore lasts until the next FROM and does not cover the FROM line itself', async () => {
    const text = 'FROM a:latest\n# hadolint stage ignore=DL3004,DL3007\nRUN sudo x\nFROM b:latest\nRUN sudo y\n';
    // The next FROM line still uses the previous boundary's set (hadolint §6: strict `<`).
    expect(await codes(text)).toEqual(['1:DL3007', '5:DL3004']);
    const beforeFrom = '# hadolint stage ignore=DL3004,DL3007\nFROM a:latest\nRUN sudo x\nFROM b\nRUN sudo y\n';
    expect(await codes(beforeFrom)).toEqual(['2:DL3007', '5:DL3004']);
  });

  it('a long file of stages answers as a scan of its stage boundaries would', async () => {
    // Stage pragmas directly before some FROMs and before some RUNs; each finding is checked against
    // the rule itself (§6): the set of the last boundary strictly before its line, where a pragma
    // directly above a FROM puts its boundary on the FROM line, and one elsewhere covers the next line.
    const lines: string[] = [];
    const boundaries: { line: number; codes: string[] }[] = [];
    const candidates: { line: number; code: string }[] = [];
    for (let stage = 0; stage < 200; stage++) {
      const pragmaAboveFrom = stage % 5 === 0;
      if (pragmaAboveFrom) lines.push('# hadolint stage ignore=DL3007');
      lines.push('FROM a:latest');
      const fromLine = lines.length;
      boundaries.push({ line: fromLine, codes: pragmaAboveFrom ? ['DL3007'] : [] });
      candidates.push({ line: fromLine, code: 'DL3007' });
      if (stage % 3 === 0) {
        lines.push('# hadolint stage ignore=DL3004');
        boundaries.push({ line: lines.length + 0.5, codes: ['DL3004'] });
      }
      lines.push('RUN sudo x');
      candidates.push({ line: lines.length, code: 'DL3004' });
    }
    const expected = candidates
      .filter(({ line, code }) => !(boundaries.filter((boundary) => boundary.line < line).at(-1)?.codes.includes(code) ?? false))
      .map(({ line, code }) => `${line}:${code}`);
    expect(expected.length).toBeGreaterThan(200);
    expect(expected.length).toBeLessThan(400);
    expect(await codes(`${lines.join('\n')}\n`)).toEqual(expected);
  });

  it('disableIgnorePragma turns every pragma off', async () => {
    const text = '# hadolint global ignore=DL3007\nFROM a:latest\n';
    expect(await codes(text, { config: { disableIgnorePragma: true } })).toEqual(['2:DL3007']);
  });
});

describe('config', () => {
  it('rules: off disables, a level overrides the severity', async () => {
    const findings = await lintForTest('FROM a:latest\nRUN sudo x\n', {
      config: { rules: { DL3004: 'off', 'no-latest-tag': 'error' } },
    });
    expect(findings.map((finding) => [finding.code, finding.level])).toContainEqual(['DL3007', 'error']);
    expect(findings.some((finding) => finding.code === 'DL3004')).toBe(false);
  });

  it('ignore drops findings by any identity', async () => {
    const findings = await lintForTest('FROM a:latest\n', { config: { ignore: ['no-latest-tag'] } });
    expect(findings.some((finding) => finding.code === 'DL3007')).toBe(false);
  });

  it('hadolint override and ignored are honoured', async () => {
    const findings = await lintForTest('FROM a:latest\nRUN sudo x\n', {
      hadolintConfig: { ignored: ['DL3004'], override: { info: ['DL3007'] } },
    });
    expect(findings.filter((finding) => ['DL3004', 'DL3007'].includes(finding.code)).map((finding) => [finding.code, finding.level])).toEqual([
      ['DL3007', 'info'],
    ]);
  });

  it('rejects an unknown rule and a bad value, naming the key', async () => {
    await expect(lintForTest('FROM a\n', { config: { rules: { 'no-such-rule': 'error' } } })).rejects.toThrow(/unknown rule "no-such-rule"/);
    await expect(lintForTest('FROM a\n', { config: { failureThreshold: 'fatal' } })).rejects.toThrow(/failureThreshold/);
    await expect(lintForTest('FROM a\n', { config: { rulez: {} } })).rejects.toThrow(/unknown key "rulez"/);
  });
});

describe('positions', () => {
  it('reports findings inside a multi-line RUN at its first line unless precise positions are on', async () => {
    const text = 'FROM a\nRUN echo \\\n  && sudo make\n';
    const [hadolintStyle] = await lintForTest(text, { only: ['DL3004'] });
    expect([hadolintStyle?.line, hadolintStyle?.column]).toEqual([2, 1]);
    const [precise] = await lintForTest(text, { only: ['DL3004'], precisePositions: true });
    expect([precise?.line, precise?.column, precise?.endLine, precise?.endColumn]).toEqual([3, 6, 3, 15]);
  });
});
