import { defineRule } from '../../engine/define-rule.js';
import { ABSOLUTE_WORKDIR_FIX_DOCS, absoluteWorkdirFix } from '../fix-helpers.js';

/** A Windows drive path: a letter then `:` (`C:\`, `C:/`, `c:`). */
const WINDOWS_DRIVE = /^[A-Za-z]:/;

function stripSurroundingQuotes(text: string): string {
  const first = text[0];
  if ((first === '"' || first === "'") && text.length >= 2 && text.endsWith(first)) return text.slice(1, -1);
  return text;
}

export default defineRule({
  meta: {
    code: 'DL3000',
    name: 'use-absolute-workdir',
    family: 'hadolint',
    severity: 'error',
    fixable: 'safe',
    description: 'Use absolute WORKDIR.',
    docs: [
      'Flags every WORKDIR whose path (surrounding quotes removed) starts with neither `/` nor `$` and is',
      'not a Windows drive path (`C:\\`, `C:/`). A relative WORKDIR depends on the previous working',
      'directory, which the base image decides.',
      '',
      'Kept separate from BuildKit\'s WorkdirRelativePath (`workdir-relative-path`), whose semantics',
      'differ: BuildKit checks only the first WORKDIR of a stage lineage and expands variables first,',
      'hadolint checks every WORKDIR as written. Fix: use an absolute path.',
      '',
      ...ABSOLUTE_WORKDIR_FIX_DOCS,
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3000',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'WORKDIR') continue;
      const path = stripSurroundingQuotes(instruction.argsText);
      if (path.startsWith('/') || path.startsWith('$') || WINDOWS_DRIVE.test(path)) continue;
      const fix = absoluteWorkdirFix(dockerfile, instruction);
      report({ range: instruction.range, message: 'Use absolute WORKDIR', fix });
    }
  },
});
