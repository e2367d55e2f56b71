import { defineRule } from '../../engine/define-rule.js';
import type { CopyInstruction, Word } from '../../parser/types.js';
import { copiedArchives, extractedBasenames } from './shell-helpers.js';

interface PendingCopy {
  readonly copy: CopyInstruction;
  /** The first archive word of the COPY that a later RUN extracts. */
  extractedWord: Word | null;
}

export default defineRule({
  meta: {
    code: 'DL3010',
    name: 'use-add-for-archives',
    family: 'hadolint',
    severity: 'info',
    fixable: false,
    description: 'Use `ADD` for extracting archives into an image.',
    docs: [
      'Flags a `COPY` (without `--from`) of a local archive (`.tar`, `.tar.gz`, `.tgz`, `.tar.xz`, `.bz2`, …;',
      'not `.zip`) that a later RUN of the same stage extracts with `tar -x…`, `unzip`, `gunzip`, `bunzip2`,',
      '`unxz`, `zcat` and the like, naming the same file. `ADD` extracts local tar archives by itself, which',
      'saves the layer holding the archive.',
      '',
      'The archive is matched by file name (basename, `/` and `\\` both separate); when the destination itself',
      'names an archive (`COPY app.tar /tmp/a.tar`), that name is the one looked for. As in hadolint, any `tar`',
      'argument starting with `-` and containing `x` counts as extracting, and findings of a stage that is',
      'not the last one are dropped (hadolint resets them at every `FROM`).',
      '',
      'Not fixable automatically: `ADD` and `COPY` differ for remote sources and non-tar files.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3010',
  },
  check({ dockerfile, report }) {
    // §2 DL3010: state *and pending findings* are reset at every FROM; only the final stage reports.
    let pending: PendingCopy[] = [];
    let byName = new Map<string, { entry: PendingCopy; word: Word }[]>();
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind === 'FROM') {
        pending = [];
        byName = new Map();
      } else if (instruction.kind === 'COPY' && instruction.from === null) {
        const archives = copiedArchives(instruction);
        if (archives.length === 0) continue;
        const entry: PendingCopy = { copy: instruction, extractedWord: null };
        pending.push(entry);
        for (const { name, word } of archives) byName.set(name, [...(byName.get(name) ?? []), { entry, word }]);
      } else if (instruction.kind === 'RUN' && byName.size > 0) {
        for (const name of extractedBasenames(instruction)) {
          for (const { entry, word } of byName.get(name) ?? []) entry.extractedWord ??= word;
        }
      }
    }
    for (const { extractedWord } of pending) {
      if (extractedWord) report({ range: extractedWord.range, message: 'Use `ADD` for extracting archives into an image' });
    }
  },
});
