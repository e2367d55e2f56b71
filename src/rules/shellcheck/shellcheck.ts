import { defineRule } from '../../engine/define-rule.js';
import type { LintSettings } from '../../engine/types.js';
import type { Dockerfile } from '../../parser/types.js';
import { dockerfileRange, lineStartOffsets } from '../../shellcheck/positions.js';
import {
  ShellcheckTimeout,
  runShellcheck,
  shellcheckRunsWith,
  shellcheckInBackground,
  type ShellcheckComment,
} from '../../shellcheck/runner.js';
import { tooCostlyForShellcheck } from '../../shellcheck/complexity.js';
import { shellcheckScripts, type ShellcheckScript } from '../../shellcheck/script.js';

/** A script not sent to ShellCheck, and why (`tooCostlyForShellcheck`). */
interface SkippedScript {
  readonly script: ShellcheckScript;
  readonly reason: string;
}

/** The scripts ShellCheck gets, and those it is spared. */
function withoutCostly(all: readonly ShellcheckScript[]): { scripts: ShellcheckScript[]; skipped: SkippedScript[] } {
  const scripts: ShellcheckScript[] = [];
  const skipped: SkippedScript[] = [];
  for (const script of all) {
    const reason = tooCostlyForShellcheck(script.text);
    if (reason === null) scripts.push(script);
    else skipped.push({ script, reason });
  }
  return { scripts, skipped };
}

/** ShellCheck's answer for one parsed file: per script, its comments; or why there is none. */
interface Answer {
  readonly scripts: readonly ShellcheckScript[];
  /** Scripts not sent to ShellCheck: their cost would grow out of bounds. */
  readonly skipped: readonly SkippedScript[];
  readonly outcome: { readonly results: readonly (readonly ShellcheckComment[])[] | null } | { readonly error: Error };
}

/** Answers `prepare` got, for `check`; weak, so each goes with its parsed file. */
const answers = new WeakMap<Dockerfile, Answer>();

/** `prepare`'s answer when ShellCheck does not run: `check` then asks nothing more. */
const NOT_RUN: Answer = { scripts: [], skipped: [], outcome: { results: null } };

function textsOf(scripts: readonly ShellcheckScript[]): string[] {
  return scripts.map((script) => script.text);
}

function shellcheckRuns(settings: LintSettings): boolean {
  return shellcheckRunsWith(settings.shellcheckAvailable);
}

export default defineRule({
  meta: {
    code: 'shellcheck',
    name: 'shellcheck',
    aliases: [],
    family: 'shellcheck',
    // Each finding carries ShellCheck's own level (error/warning/info/style); this is the fallback.
    severity: 'warning',
    fixable: false,
    description: 'Runs ShellCheck on every shell-form RUN script and reports its findings with their SC codes.',
    docs: [
      'Runs [ShellCheck](https://www.shellcheck.net) on each shell-form `RUN` (and `ONBUILD RUN`) the way',
      'hadolint does, and reports every finding under its own code (`SC2086`) and level. Exec-form RUNs are',
      'not shell scripts and are skipped.',
      '',
      'Each script is ShellCheck’s input as hadolint builds it: a shebang from the first word of the',
      'stage’s `SHELL` (default `/bin/sh`; `# hadolint shell=bash` also sets it, and placed before the',
      'first `FROM` it is the default of every stage), then `export NAME=1` for every ARG/ENV name seen',
      'so far in the stage and the proxy variables (`HTTP_PROXY`, `no_proxy`…), so that using them is',
      'not "referenced but not assigned". The shell and the names are inherited by `FROM <stage>`.',
      'SC2187, SC1090 and SC1091 are never reported. Scripts are skipped when the shell is PowerShell',
      '(`pwsh`, `powershell`) or `cmd`, and when a heredoc starts with a shebang that is not sh, bash or',
      'ksh (`#!/usr/bin/env python3`).',
      '',
      'Findings point at the exact place inside the Dockerfile, through line continuations and heredoc',
      'bodies; like hadolint, they are shown at the RUN’s first line unless `--precise-positions` is on.',
      'Identical findings on one line are reported once. `# hadolint ignore=SC2086` (or',
      '`# dockside ignore=SC2086`) above the RUN suppresses one code.',
      '',
      'ShellCheck is optional: when no `shellcheck` binary is on `PATH` the rule reports nothing and',
      'dockside prints one notice. `DOCKSIDE_SHELLCHECK=/path/to/shellcheck` picks a binary,',
      '`DOCKSIDE_SHELLCHECK=off` turns the integration off. The files of a run share ShellCheck processes',
      '(up to 32 files each, one process per core) while dockside lints on; a file whose script crashes',
      'ShellCheck or runs past the 15 s limit loses only its own ShellCheck findings. A script with more',
      'than 500 `&&`/`||` operators, or brackets nested more than 100 deep, is not sent at all (ShellCheck’s',
      'time and memory grow with the square of those: 2,000 `&&` took it 24 s and 2.5 GB); its RUN gets an',
      'info notice. `.shellcheckrc` files and `SHELLCHECK_OPTS` are ignored so results do not depend on the',
      'machine.',
      '',
      'Differences from hadolint: a heredoc that starts with `#!/bin/bash` is checked as bash (BuildKit',
      'runs it with that interpreter), where hadolint keeps the SHELL’s shebang; a bare shell name',
      '(`SHELL ["bash", "-c"]`, `# hadolint shell=bash`) becomes `#!/usr/bin/env bash` so ShellCheck does',
      'not report SC2239 about a shebang nobody wrote; ARG/ENV names that are not shell identifiers are',
      'not exported; continuation lines are joined the way BuildKit joins them. Names that cannot affect',
      'the result (not used, and not close enough to a used name to be a "did you mean") are left out of',
      'the export line, which halves ShellCheck’s time without changing its findings.',
    ].join('\n'),
    url: 'https://www.shellcheck.net/wiki/',
  },
  // ShellCheck runs while the thread goes on with other files, and their scripts share a process.
  async prepare({ dockerfile, settings }) {
    if (!shellcheckRuns(settings)) {
      answers.set(dockerfile, NOT_RUN);
      return;
    }
    const { scripts, skipped } = withoutCostly(shellcheckScripts(dockerfile));
    const outcome: Answer['outcome'] =
      scripts.length === 0
        ? { results: [] }
        : await shellcheckInBackground(textsOf(scripts)).then(
            (results) => ({ results }),
            (error: Error) => ({ error }),
          );
    answers.set(dockerfile, { scripts, skipped, outcome });
  },
  check({ dockerfile, settings, report }) {
    let answer = answers.get(dockerfile);
    // Checked without `prepare` (lintDockerfile alone): ShellCheck runs now, blocking.
    if (!answer) {
      // Without the binary there is nothing to run: skip building the scripts too.
      if (!shellcheckRuns(settings)) return;
      const { scripts, skipped } = withoutCostly(shellcheckScripts(dockerfile));
      let outcome: Answer['outcome'];
      try {
        outcome = { results: scripts.length === 0 ? [] : runShellcheck(textsOf(scripts)) };
      } catch (error) {
        outcome = { error: error as Error };
      }
      answer = { scripts, skipped, outcome };
    }
    const { scripts, skipped, outcome } = answer;
    for (const { script, reason } of skipped) {
      report({
        range: script.run.keywordRange,
        message: `${reason}: ShellCheck's time and memory grow with the square of that, so it was not checked`,
        severity: 'info',
      });
    }
    if ('error' in outcome) {
      if (!(outcome.error instanceof ShellcheckTimeout)) throw outcome.error;
      report({ range: scripts[0]!.run.keywordRange, message: outcome.error.message, severity: 'info' });
      return;
    }
    const results = outcome.results;
    if (results === null) return;
    scripts.forEach((script, index) => {
      const comments = results[index] ?? [];
      if (comments.length === 0) return;
      const lineStarts = lineStartOffsets(script.run.script.source);
      // hadolint keeps a set of (code, level, message, RUN line): identical findings collapse per
      // RUN. With precise positions they collapse per exact start position instead.
      const seen = new Set<string>();
      for (const comment of comments) {
        const range = dockerfileRange(script, lineStarts, comment);
        const where = settings.precisePositions ? `${range.start.line}:${range.start.column}` : '';
        const key = `${comment.code}\0${comment.level}\0${comment.message}\0${where}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report({ range, message: comment.message, code: `SC${comment.code}`, severity: comment.level });
      }
    });
  },
});
