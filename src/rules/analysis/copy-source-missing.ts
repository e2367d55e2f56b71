import { defineRule } from '../../engine/define-rule.js';
import { cleanPath } from '../../context/go-path.js';
import { resolveSource } from '../../context/query.js';
import { expandedCopySources, ignoreFileName } from './facts.js';

export default defineRule({
  meta: {
    code: 'copy-source-missing',
    name: 'copy-source-missing',
    family: 'analysis',
    severity: 'error',
    requiresContext: true,
    fixable: false,
    description: 'A COPY or ADD source matches nothing in the build context, so the build fails with "not found".',
    docs: [
      'Resolves each local source of a `COPY` (without `--from`) or `ADD` against the build context after',
      'the `.dockerignore`: plain paths (following symlinked folders inside the context) and wildcards',
      '(`*`, `?`, `[…]`, matched segment by segment like Go\'s `filepath.Match`). As in BuildKit, the',
      'folders before the first wildcard follow their links (`linked/*.js` looks in what `linked` points',
      'to) and the segments from the wildcard on do not.',
      '',
      'Skipped: `--from` sources, URLs, git sources, heredocs, and sources whose variables have no known',
      'value. A source that exists but is excluded by the `.dockerignore` is reported here only when',
      '`copy-ignored-file` (BuildKit\'s CopyIgnoredFile) cannot see it, i.e. when the ignore file has `!`',
      'exceptions. Fix: correct the path, or create the file. Not fixable automatically.',
    ].join('\n'),
  },
  check({ dockerfile, buildContext, report }) {
    if (!buildContext) return;
    const ignore = buildContext.dockerignore;
    const copyIgnoredFileSees = ignore.patterns.length > 0 && !ignore.hasExceptions;
    for (const [instruction, sources] of expandedCopySources(dockerfile)) {
      if (instruction.from !== null) continue;
      for (const source of sources) {
        if (source.kind !== 'local' || source.unresolved.length > 0) continue;
        const resolution = resolveSource(buildContext, source.value);
        const shown = JSON.stringify(cleanPath(source.value));
        if (resolution.status === 'missing') {
          report({
            range: source.word.range,
            message: `${instruction.kind} source ${shown} matches nothing in the build context: the build will fail with "not found"`,
          });
        } else if (resolution.status === 'ignored' && !(copyIgnoredFileSees && ignore.isIgnored(cleanPath(source.value)))) {
          report({
            range: source.word.range,
            message: `${instruction.kind} source ${shown} is excluded by ${ignoreFileName(ignore.file)}: the build will fail with "not found"`,
          });
        }
      }
    }
  },
});
