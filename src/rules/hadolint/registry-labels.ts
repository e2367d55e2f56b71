import type { AnyRule } from '../../engine/types.js';
import dl3048 from './dl3048.js';
import dl3049 from './dl3049.js';
import dl3050 from './dl3050.js';
import dl3051 from './dl3051.js';
import dl3052 from './dl3052.js';
import dl3053 from './dl3053.js';
import dl3054 from './dl3054.js';
import dl3055 from './dl3055.js';
import dl3056 from './dl3056.js';
import dl3057 from './dl3057.js';
import dl3058 from './dl3058.js';

/** hadolint's label rules (label-schema, strict-labels) and DL3057. */
export const labelRules: AnyRule[] = [dl3048, dl3049, dl3050, dl3051, dl3052, dl3053, dl3054, dl3055, dl3056, dl3057, dl3058];
