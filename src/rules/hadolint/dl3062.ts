import { defineRule } from '../../engine/define-rule.js';
import type { ShellWord } from '../../parser/types.js';
import { hasArg, runInstructions, wordRange } from '../helpers.js';
import { withoutFlags } from './package-helpers.js';

/** `.`, `/abs/path`, `./rel` build local code: nothing to pin. */
function isLocalPath(text: string): boolean {
  return text === '.' || text.startsWith('/') || text.startsWith('.');
}

/** Pinned = local, or `@<version>` that is not the moving `@latest` / `@none`. */
function isPinned(word: ShellWord): boolean {
  const text = word.value;
  if (isLocalPath(text)) return true;
  return text.includes('@') && !text.endsWith('@latest') && !text.endsWith('@none');
}

export default defineRule({
  meta: {
    code: 'DL3062',
    name: 'go-pin-versions',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Pin versions in go. Instead of `go install <package>` use `go install <package>@<version>`.',
    docs: [
      'Flags `go install`, `go get` and `go run` (also in `ONBUILD RUN`) of a remote package',
      'without a version, or with the moving `@latest` / `@none`: the build fetches whatever the',
      'module proxy serves that day. Write `go install golang.org/x/tools/gopls@v0.16.1`.',
      '',
      'What counts as pinned: `@<version>` (also `@${GOPLS_VERSION}`) other than `@latest`/`@none`,',
      'or a local path (`.`, `./cmd/app`, `/src/app`). For `go run` only the program (the first',
      'argument after `run`) is checked, not its own arguments; as in hadolint, when a RUN contains',
      'a `go run`, its `go install`/`go get` commands are not checked.',
      '',
      'Reported at the first unpinned package. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3062',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const goCommands = run.script.commands.filter((command) => command.name === 'go');
      if (goCommands.length === 0) continue;
      const targets: ShellWord[] = [];
      // hadolint's `runGoPackage`: the first two positional words of `go … run …`, minus `run`.
      for (const command of goCommands) {
        if (!hasArg(command, 'run')) continue;
        targets.push(...withoutFlags(command.args).slice(0, 2).filter((word) => word.value !== 'run'));
      }
      if (targets.length === 0) {
        for (const command of goCommands) {
          if (!hasArg(command, 'install', 'get')) continue;
          targets.push(...withoutFlags(command.args).filter((word) => !['install', 'get', 'tool'].includes(word.value)));
        }
      }
      const unpinned = targets.find((word) => !isPinned(word));
      if (unpinned) {
        report({
          range: wordRange(run, unpinned),
          message: 'Pin versions in go. Instead of `go install <package>` use `go install <package>@<version>`',
        });
      }
    }
  },
});
