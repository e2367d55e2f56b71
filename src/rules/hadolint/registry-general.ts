import type { AnyRule } from '../../engine/types.js';
import dl1001 from './dl1001.js';
import dl3002 from './dl3002.js';
import dl3006 from './dl3006.js';
import dl3007 from './dl3007.js';
import dl3011 from './dl3011.js';
import dl3012 from './dl3012.js';
import dl3020 from './dl3020.js';
import dl3021 from './dl3021.js';
import dl3022 from './dl3022.js';
import dl3023 from './dl3023.js';
import dl3025 from './dl3025.js';
import dl3026 from './dl3026.js';
import dl3029 from './dl3029.js';
import dl3043 from './dl3043.js';
import dl3044 from './dl3044.js';
import dl3045 from './dl3045.js';
import dl3061 from './dl3061.js';
import dl3064 from './dl3064.js';
import dl3066 from './dl3066.js';
import dl3067 from './dl3067.js';
import dl4003 from './dl4003.js';
import dl4004 from './dl4004.js';

/** hadolint rules about images, stages and instructions (not package managers). */
export const generalRules: AnyRule[] = [
  dl1001,
  dl3002,
  dl3006,
  dl3007,
  dl3011,
  dl3012,
  dl3020,
  dl3021,
  dl3022,
  dl3023,
  dl3025,
  dl3026,
  dl3029,
  dl3043,
  dl3044,
  dl3045,
  dl3061,
  dl3064,
  dl3066,
  dl3067,
  dl4003,
  dl4004,
];
