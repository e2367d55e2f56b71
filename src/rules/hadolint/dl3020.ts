import { defineRule } from '../../engine/define-rule.js';
import type { Fix } from '../../engine/types.js';
import type { CopyInstruction } from '../../parser/types.js';
import { keywordLike, makeFix, replaceRange } from '../fix-helpers.js';
import { isArchivePath } from './general-helpers.js';

/** Flags COPY accepts with the same meaning; `--checksum`, `--keep-git-dir`, `--unpack` are ADD-only. */
const FLAGS_COPY_SHARES: ReadonlySet<string> = new Set(['chown', 'chmod', 'link', 'exclude']);
const GLOB_CHARACTERS = /[*?[]/;
const ZSTD_EXTENSION = /\.t?zstd?$/i;
/** What follows the last glob character of a pattern like `*.jar`: a fixed, non-archive extension. */
const FIXED_EXTENSION = /^[^/]*\.[A-Za-z0-9]+$/;

/** A source ADD copies as it is: local, no variable, not an archive, no glob that might match one. */
function copiedAsIs(value: string): boolean {
  if (value.includes('://') || value.startsWith('git@') || value.includes('$')) return false;
  // hadolint's list is case-sensitive and lacks zstd; ADD extracts by content, whatever the case.
  if (isArchivePath(value) || isArchivePath(value.toLowerCase()) || ZSTD_EXTENSION.test(value)) return false;
  const lastGlob = Math.max(value.lastIndexOf('*'), value.lastIndexOf('?'), value.lastIndexOf('['));
  return !GLOB_CHARACTERS.test(value) || FIXED_EXTENSION.test(value.slice(lastGlob + 1));
}

/** `ADD` → `COPY` when no ADD-only feature is in play (see the docs). */
function copyFix(instruction: CopyInstruction): Fix | undefined {
  const destination = instruction.destination;
  if (destination === null || instruction.heredocs.length > 0 || instruction.heredocSources.length > 0) return undefined;
  if (!instruction.flags.every((flag) => FLAGS_COPY_SHARES.has(flag.name.toLowerCase()))) return undefined;
  if (!instruction.sources.every((source) => copiedAsIs(source.value))) return undefined;
  // Several sources need a directory destination (`/` at the end); DL3021 would flag the COPY.
  if (instruction.sources.length > 1 && !destination.value.endsWith('/')) return undefined;
  const keyword = keywordLike(instruction.keyword, 'COPY');
  return makeFix('safe', `Replace ${instruction.keyword} with ${keyword}`, replaceRange(instruction.keywordRange, keyword));
}

function isUrl(source: string): boolean {
  return source.startsWith('http://') || source.startsWith('https://');
}

export default defineRule({
  meta: {
    code: 'DL3020',
    name: 'copy-instead-of-add',
    family: 'hadolint',
    severity: 'error',
    fixable: 'safe',
    description: 'Use COPY instead of ADD for files and folders.',
    docs: [
      'Flags an `ADD` with a source that is neither a local archive (`.tar`, `.gz`, `.tgz`, `.xz`, … —',
      'not `.zip`, which `ADD` does not extract) nor an `http://`/`https://` URL. For plain files and',
      'folders `COPY` does the same thing without `ADD`\'s surprises (auto-extraction, remote fetches).',
      'Like hadolint, git URLs and `$VAR` sources fire; heredoc sources are not judged.',
      '',
      'Fix: replace `ADD` with `COPY`.',
      '',
      'Fixable (safe): `--fix` rewrites the keyword to `COPY` when every source is a local path ADD copies as',
      'it is: no URL or git source, no `$` variable, no archive name (`.tar`, `.gz`, `.zst`, … in any case), no glob',
      'that could match an archive (`*.jar` is fixed, `files/*` is not), no heredoc, and only flags COPY',
      'shares (`--chown`, `--chmod`, `--link`, `--exclude`; not `--checksum`, `--keep-git-dir`, `--unpack`).',
      'Several sources need a destination ending in `/`. Caveat: ADD recognises a tar archive by its',
      'content, so a local tar file named without an archive extension would no longer be extracted.',
      'May newly report DL3045 (`COPY` to a relative destination without `WORKDIR`): hadolint checks it for',
      'COPY only, so the ADD had the same problem unreported.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3020',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'ADD') continue;
      const plain = instruction.sources.find((source) => !isArchivePath(source.value) && !isUrl(source.value));
      if (!plain) continue;
      const fix = copyFix(instruction);
      report({ range: plain.range, message: 'Use COPY instead of ADD for files and folders', fix });
    }
  },
});
