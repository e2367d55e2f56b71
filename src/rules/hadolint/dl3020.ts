import { defineRule } from '../../engine/define-rule.js';
import { isArchivePath } from './general-helpers.js';

function isUrl(source: string): boolean {
  return source.startsWith('http://') || source.startsWith('https://');
}

export default defineRule({
  meta: {
    code: 'DL3020',
    name: 'copy-instead-of-add',
    family: 'hadolint',
    severity: 'error',
    fixable: false,
    description: 'Use COPY instead of ADD for files and folders.',
    docs: [
      'Flags an `ADD` with a source that is neither a local archive (`.tar`, `.gz`, `.tgz`, `.xz`, … —',
      'not `.zip`, which `ADD` does not extract) nor an `http://`/`https://` URL. For plain files and',
      'folders `COPY` does the same thing without `ADD`\'s surprises (auto-extraction, remote fetches).',
      'Like hadolint, git URLs and `$VAR` sources fire; heredoc sources are not judged.',
      '',
      'Fix: replace `ADD` with `COPY`. Not fixable yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3020',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'ADD') continue;
      const plain = instruction.sources.find((source) => !isArchivePath(source.value) && !isUrl(source.value));
      if (plain) report({ range: plain.range, message: 'Use COPY instead of ADD for files and folders' });
    }
  },
});
