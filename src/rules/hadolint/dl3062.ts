import { defineRule } from '../../engine/define-rule.js';
import type { ShellCommand, ShellWord } from '../../parser/types.js';
import { hasArg, runInstructions, wordRange } from '../helpers.js';
import { isFlagWord } from './package-helpers.js';

/**
 * Go build flags that take a value (`go help build`). Go flags are single words (`-tags`, not
 * `-t -a -g -s`), written `-tags x`, `--tags x` or `-tags=x`. hadolint keeps these values as
 * packages (`go install -tags netgo pkg@v1` is reported for `netgo`); dockside drops them.
 */
const GO_VALUE_FLAGS = new Set([
  'C', 'p', 'asmflags', 'buildmode', 'compiler', 'exec', 'gccgoflags', 'gcflags', 'installsuffix',
  'ldflags', 'mod', 'modfile', 'o', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec',
]);

/** Positional arguments of a `go` command: flags and the values of value-taking flags removed. */
function goPositionalArgs(command: ShellCommand): ShellWord[] {
  const positional: ShellWord[] = [];
  const args = command.args;
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (!isFlagWord(word)) {
      positional.push(word);
      continue;
    }
    const name = word.value.replace(/^--?/, '');
    if (GO_VALUE_FLAGS.has(name)) index++;
  }
  return positional;
}

/**
 * `.`, `/abs/path`, `./rel` build local code, and a `.go` file (`go run build.go`) cannot take a
 * version at all: nothing to pin. (hadolint only knows the first three.)
 */
function isLocalPath(text: string): boolean {
  return text === '.' || text.startsWith('/') || text.startsWith('.') || text.endsWith('.go');
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
      'Differences from hadolint: a `.go` source file (`go run ./gen.go`, `go run build.go`) is',
      'local code and never reported, and the values of Go build flags (`-tags netgo`, `-p 4`,',
      '`-mod vendor`, `-o out`, …) are not taken for packages.',
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
        targets.push(...goPositionalArgs(command).slice(0, 2).filter((word) => word.value !== 'run'));
      }
      if (targets.length === 0) {
        for (const command of goCommands) {
          if (!hasArg(command, 'install', 'get')) continue;
          targets.push(...goPositionalArgs(command).filter((word) => !['install', 'get', 'tool'].includes(word.value)));
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
