import type { AnyRule } from '../../engine/types.js';
import dl3007 from './dl3007.js';

/** hadolint rules about images, stages and instructions (not package managers). */
export const generalRules: AnyRule[] = [dl3007];
