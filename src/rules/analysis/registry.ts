import type { AnyRule } from '../../engine/types.js';
import cacheOrder from './cache-order.js';
import contextJunk from './context-junk.js';
import contextSecret from './context-secret.js';
import contextSize from './context-size.js';
import contextUnreadable from './context-unreadable.js';
import copyIgnoredFile from './copy-ignored-file.js';
import copySourceMissing from './copy-source-missing.js';
import dockerignoreInvalid from './dockerignore-invalid.js';
import dockerignoreMissing from './dockerignore-missing.js';
import layerCount from './layer-count.js';
import stalePackageIndex from './stale-package-index.js';
import unusedStage from './unused-stage.js';

/** Build-analysis rules: layers, cache order, build context, .dockerignore. */
export const analysisRules: AnyRule[] = [
  layerCount,
  cacheOrder,
  stalePackageIndex,
  dockerignoreMissing,
  dockerignoreInvalid,
  contextUnreadable,
  contextJunk,
  copyIgnoredFile,
  copySourceMissing,
  contextSize,
  contextSecret,
  unusedStage,
];
