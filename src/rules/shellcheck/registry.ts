import type { AnyRule } from '../../engine/types.js';
import shellcheck from './shellcheck.js';

/** ShellCheck on RUN scripts. */
export const shellcheckRules: AnyRule[] = [shellcheck];
