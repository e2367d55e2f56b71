import { IGNORE_FILE_TOO_LARGE, MAX_IGNORE_FILE_BYTES } from '../../context/limits.js';
import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'dockerignore-invalid',
    name: 'dockerignore-invalid',
    family: 'analysis',
    severity: 'error',
    requiresContext: true,
    judgesIgnoreFile: true,
    fixable: false,
    description: 'The .dockerignore that applies to this Dockerfile cannot be read, or has a line BuildKit rejects: the build fails.',
    docs: [
      'BuildKit compiles every line of the ignore file before it sends the build context, and one bad line',
      'stops the build: a lone `!` (`illegal exclusion pattern`), an unclosed `[` or a dangling `\\` at the',
      'end of a pattern (`syntax error in pattern`). An ignore file that cannot be read (no permission)',
      'stops it too. The Dockerfile itself may be flawless. dockside itself does not read an ignore file over',
      '20 MiB (BuildKit would): that is reported here too, and the other context rules then say nothing.',
      '',
      'Each problem is reported once, on the first instruction, naming the ignore file and its line. While',
      'a bad line stands the other context rules judge the patterns BuildKit would have accepted. While the',
      'file cannot be read, what it excludes is unknown, so the other context rules say nothing. Fix the',
      'line or the permissions; not fixable automatically.',
    ].join('\n'),
  },
  check({ dockerfile, buildContext, report }) {
    const first = dockerfile.instructions[0];
    if (!buildContext || !first) return;
    // An ignore file over dockside's size limit is one BuildKit would read: the refusal is ours.
    const refusedBy = buildContext.dockerignore.readError === IGNORE_FILE_TOO_LARGE ? `dockside does not read ignore files over ${MAX_IGNORE_FILE_BYTES} bytes` : "BuildKit refuses the build's ignore file";
    for (const error of buildContext.dockerignore.errors) {
      report({ range: first.range, message: `${refusedBy}: ${error}` });
    }
  },
});
