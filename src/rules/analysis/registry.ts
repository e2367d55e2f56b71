import type { AnyRule } from '../../engine/types.js';

/** Build-analysis rules: layers, cache order, build context, .dockerignore. */
export const analysisRules: AnyRule[] = [];
