import type { AnyRule } from '../../engine/types.js';
import dl3008 from './dl3008.js';
import dl3009 from './dl3009.js';
import dl3013 from './dl3013.js';
import dl3014 from './dl3014.js';
import dl3015 from './dl3015.js';
import dl3016 from './dl3016.js';
import dl3018 from './dl3018.js';
import dl3019 from './dl3019.js';
import dl3027 from './dl3027.js';
import dl3028 from './dl3028.js';
import dl3042 from './dl3042.js';
import dl3060 from './dl3060.js';
import dl3062 from './dl3062.js';

/** hadolint rules about apt, apk, pip, npm, gem, go and yarn. */
export const packageRules: AnyRule[] = [
  dl3008,
  dl3009,
  dl3013,
  dl3014,
  dl3015,
  dl3016,
  dl3018,
  dl3019,
  dl3027,
  dl3028,
  dl3042,
  dl3060,
  dl3062,
];
