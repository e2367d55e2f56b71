/**
 * The FROM checks of BuildKit's step 6 (buildkit-checks.md §1): each stage's base name and
 * `--platform` value expanded in the global scope, computed once per file.
 */
import type { Dockerfile, Flag, Stage } from '../../parser/types.js';
import { perDockerfile } from '../../parser/derived.js';
import { mapList } from '../../parser/lists.js';
import { globalScope, type GlobalScope } from './dispatch.js';
import { processWord, type ProcessedWord } from './lexer.js';

export interface StageFromExpansion {
  readonly stage: Stage;
  readonly baseName: ProcessedWord;
  /** The `--platform` flag and its expansion, when the FROM has one. */
  readonly platform: { readonly flag: Flag; readonly raw: string; readonly expansion: ProcessedWord } | null;
}

export const fromExpansions: (dockerfile: Dockerfile) => { scope: GlobalScope; stages: StageFromExpansion[] } = perDockerfile(computeFromExpansions);

function computeFromExpansions(dockerfile: Dockerfile): { scope: GlobalScope; stages: StageFromExpansion[] } {
  const scope = globalScope(dockerfile, { defaultsOnly: false });
  const options = { escapeChar: dockerfile.escapeChar };
  // One list kind (parser/lists.ts): the FROM checks iterate it for every file.
  const stages = mapList(dockerfile.stages, (stage) => {
    const flag = stage.from.flags.find((candidate) => candidate.name === 'platform') ?? null;
    const raw = flag?.value ?? '';
    return {
      stage,
      baseName: processWord(stage.from.image.raw, scope.lookup, options),
      platform: flag && raw !== '' ? { flag, raw, expansion: processWord(raw, scope.lookup, options) } : null,
    };
  });
  return { scope, stages };
}
