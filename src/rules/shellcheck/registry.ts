import type { AnyRule } from '../../engine/types.js';

/** ShellCheck on RUN scripts. */
export const shellcheckRules: AnyRule[] = [];
