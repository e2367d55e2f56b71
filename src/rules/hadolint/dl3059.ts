import { defineRule } from '../../engine/define-rule.js';
import type { Fix } from '../../engine/types.js';
import type { Dockerfile, RunInstruction } from '../../parser/types.js';
import { andListAllowed, commentsBetween, continuationIndent, makeFix, replaceRange, scriptAppendPosition } from '../fix-helpers.js';

/**
 * Merges `run` into the RUN right before it: `RUN a` + `RUN b` → `RUN a && \` + newline +
 * indentation + `b` (unsafe: a failing or directory-changing `a` now affects `b`, and the layer
 * cache splits differently). Both must be shell form without heredocs, each one simple command,
 * with no comment between them; the caller has checked that their flags match.
 */
function mergeFix(dockerfile: Dockerfile, run: RunInstruction): Fix | undefined {
  const previous = dockerfile.instructions[run.index - 1];
  if (previous?.kind !== 'RUN' || !andListAllowed(dockerfile, run)) return undefined;
  for (const candidate of [previous, run]) {
    if (candidate.form !== 'shell' || candidate.heredocs.length > 0) return undefined;
    if (candidate.script.hasSyntaxError || candidate.script.commands.length !== 1) return undefined;
  }
  const appendAt = scriptAppendPosition(previous, dockerfile.escapeChar);
  const firstWord = run.words[0];
  if (appendAt === null || firstWord === undefined) return undefined;
  if (commentsBetween(dockerfile, appendAt.line, firstWord.range.start.line)) return undefined;
  // An insertion at the end of the previous script (DL3032's ` && yum clean all`) starts where this
  // edit does: the fixer counts that as overlapping and applies it first, this merge in a later pass.
  const joint = ` && ${dockerfile.escapeChar}\n${continuationIndent(dockerfile)}`;
  const merged = replaceRange({ start: appendAt, end: firstWord.range.start }, joint);
  return makeFix('unsafe', 'Merge this RUN into the previous one', merged);
}

/**
 * The RUN flags hadolint compares (`RunFlags`: a set of mounts, network, security): mounts are
 * compared as a set of their type and options, whatever order they were written in.
 */
function flagSignature(run: RunInstruction): string {
  if (run.mounts.length === 0 && run.network === null && run.security === null) return '';
  const mounts = run.mounts
    .map((mount) => [mount.type, ...[...mount.options].map(([key, value]) => `${key}=${value}`).sort()].join(','))
    .sort();
  return JSON.stringify([mounts, run.network, run.security]);
}

interface PreviousRun {
  readonly run: RunInstruction;
  readonly commandCount: number;
}

export default defineRule({
  meta: {
    code: 'DL3059',
    name: 'consolidate-consecutive-runs',
    family: 'hadolint',
    severity: 'info',
    fixable: 'unsafe',
    description: 'Multiple consecutive `RUN` instructions. Consider consolidation.',
    docs: [
      'Flags a RUN that directly follows another RUN (comments in between do not matter) with the same',
      '`--mount`, `--network` and `--security` flags, when each of the two runs a single simple command.',
      'Every RUN makes a layer; merging short steps with `&&` keeps the image smaller.',
      '',
      'RUNs that already chain two or more commands are taken as deliberately split and not reported. As in',
      'hadolint, the RUN compared against is not replaced after a report, so `RUN a`, `RUN b`, `RUN c` reports',
      'both `b` and `c`. `ONBUILD RUN` is not checked and an `ONBUILD` instruction breaks the sequence.',
      '',
      'Fixable (unsafe, `--unsafe-fixes`): the RUN is merged into the one before it, joined with ` && \\`,',
      'a new line and the indentation the file uses on continuation lines (four spaces when it has none);',
      'blank lines between the two go. Unsafe because the commands now share one shell: a `cd` or `export`',
      'in the first carries over, and the layer cache is split differently. Not fixed: exec form, heredocs,',
      'a RUN whose script has a syntax error, ends in `&`/`|` or holds a comment, and comments between the',
      'two RUNs (they would be lost), and a stage whose `SHELL` is not a POSIX-style shell (PowerShell has',
      'no `&&`).',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3059',
  },
  check({ dockerfile, report }) {
    let previous: PreviousRun | null = null;
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'RUN') {
        previous = null;
        continue;
      }
      const current: PreviousRun = { run: instruction, commandCount: instruction.script.commands.length };
      // §2 DL3059: a RUN with 2+ commands, or with other flags, starts a new sequence.
      if (
        previous === null ||
        previous.commandCount >= 2 ||
        current.commandCount >= 2 ||
        flagSignature(previous.run) !== flagSignature(instruction)
      ) {
        previous = current;
        continue;
      }
      const fix = mergeFix(dockerfile, instruction);
      report({
        range: instruction.keywordRange,
        message: 'Multiple consecutive `RUN` instructions. Consider consolidation.',
        fix,
      });
    }
  },
});
