import { defineRule } from '../../engine/define-rule.js';
import { commandRange, hasArg, hasFlag, runInstructions } from '../helpers.js';

export default defineRule({
  meta: {
    code: 'DL3047',
    name: 'wget-progress',
    family: 'hadolint',
    severity: 'info',
    fixable: false,
    description: 'Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`.',
    docs: [
      'Flags `wget` (also in `ONBUILD RUN`) without `--progress=…` and without a quieter output option',
      '(`-q`/`--quiet`, `-nv`/`--no-verbose`, `-o`/`--output-file`, `-a`/`--append-output`). Without a TTY wget',
      'prints a progress line per kilobyte, which bloats build logs for large downloads.',
      '',
      'Fix: `wget --progress=dot:giga <url>` or `wget -q <url>`. Not fixable automatically yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3047',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const command = run.script.commands.find(
        (candidate) =>
          candidate.name === 'wget' &&
          !hasFlag(candidate, 'progress', 'q', 'quiet', 'o', 'output-file', 'a', 'append-output', 'no-verbose') &&
          !hasArg(candidate, '-nv'),
      );
      if (command) {
        report({
          range: commandRange(run, command),
          message:
            'Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`. Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).',
        });
      }
    }
  },
});
