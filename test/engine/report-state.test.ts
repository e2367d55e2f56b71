/**
 * The engine's one report function (src/engine/lint.ts `reportFinding`) sends each finding to the
 * file whose checks are running, also when a check lints another file before it reports.
 */
import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/engine/define-rule.js';
import { lintDockerfile } from '../../src/engine/lint.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import { parseDockerfile } from '../../src/parser/parse.js';

const WHOLE_FIRST_LINE = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };

function parsed(path: string, text: string) {
  return parseDockerfile(text, { path, buildArgs: new Map(), target: null });
}

describe('where a report goes', () => {
  it("goes to the outer file when a check lints another file before reporting", () => {
    const inner = defineRule({
      meta: { code: 'T0001', name: 'inner-rule', family: 'analysis', severity: 'info', fixable: false, description: 'd', docs: 'd', url: 'u' },
      check({ dockerfile, report }) {
        if (dockerfile.path === 'inner') report({ range: WHOLE_FIRST_LINE, message: 'inner finding' });
      },
    });
    const innerRegistry = new RuleRegistry([inner]);
    const outer = defineRule({
      meta: { code: 'T0002', name: 'outer-rule', family: 'analysis', severity: 'info', fixable: false, description: 'd', docs: 'd', url: 'u' },
      check({ dockerfile, report }) {
        const innerFindings = lintDockerfile(parsed('inner', 'FROM alpine:3.19\n'), { registry: innerRegistry });
        report({ range: WHOLE_FIRST_LINE, message: `outer finding after ${innerFindings.length} inner finding(s) of ${dockerfile.path}` });
      },
    });
    const findings = lintDockerfile(parsed('outer', 'FROM alpine:3.19\n'), { registry: new RuleRegistry([outer]) });
    expect(findings.map((finding) => [finding.file, finding.code, finding.message])).toEqual([['outer', 'T0002', 'outer finding after 1 inner finding(s) of outer']]);
  });
});
