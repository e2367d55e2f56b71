import { defineRule } from '../../engine/define-rule.js';
import type { RunInstruction } from '../../parser/types.js';

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
    fixable: false,
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
      'Not fixable automatically yet.',
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
      report({ range: instruction.keywordRange, message: 'Multiple consecutive `RUN` instructions. Consider consolidation.' });
    }
  },
});
