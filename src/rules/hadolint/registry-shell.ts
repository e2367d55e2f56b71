import type { AnyRule } from '../../engine/types.js';
import dl3004 from './dl3004.js';

/** hadolint rules about RUN scripts: yum/dnf/zypper, shell commands, pipes. */
export const shellRules: AnyRule[] = [dl3004];
