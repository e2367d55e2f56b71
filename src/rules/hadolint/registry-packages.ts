import type { AnyRule } from '../../engine/types.js';

/** hadolint rules about apt, apk, pip, npm, gem, go and yarn. */
export const packageRules: AnyRule[] = [];
