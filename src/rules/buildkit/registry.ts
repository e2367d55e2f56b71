import type { AnyRule } from '../../engine/types.js';

/** Docker's build checks (`docker build --check`), and the hadolint rules merged into them. */
export const buildkitRules: AnyRule[] = [];
