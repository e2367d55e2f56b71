import type { AnyRule } from '../../engine/types.js';

/** hadolint's label rules (label-schema, strict-labels) and DL3057. */
export const labelRules: AnyRule[] = [];
