import type { AnyRule } from '../../engine/types.js';
import dl3001 from './dl3001.js';
import dl3003 from './dl3003.js';
import dl3004 from './dl3004.js';
import dl3010 from './dl3010.js';
import dl3030 from './dl3030.js';
import dl3032 from './dl3032.js';
import dl3033 from './dl3033.js';
import dl3034 from './dl3034.js';
import dl3035 from './dl3035.js';
import dl3036 from './dl3036.js';
import dl3037 from './dl3037.js';
import dl3038 from './dl3038.js';
import dl3040 from './dl3040.js';
import dl3041 from './dl3041.js';
import dl3046 from './dl3046.js';
import dl3047 from './dl3047.js';
import dl3059 from './dl3059.js';
import dl4001 from './dl4001.js';
import dl4005 from './dl4005.js';
import dl4006 from './dl4006.js';

/** hadolint rules about RUN scripts: yum/dnf/zypper, shell commands, pipes. */
export const shellRules: AnyRule[] = [
  dl3001,
  dl3003,
  dl3004,
  dl3010,
  dl3030,
  dl3032,
  dl3033,
  dl3034,
  dl3035,
  dl3036,
  dl3037,
  dl3038,
  dl3040,
  dl3041,
  dl3046,
  dl3047,
  dl3059,
  dl4001,
  dl4005,
  dl4006,
];
