import { defineRule } from '../../engine/define-rule.js';
import { fromExpansions } from './from-scope.js';
import { goQuote, parsePlatform } from './support.js';

export default defineRule({
  meta: {
    code: 'from-platform-flag-const-disallowed',
    name: 'from-platform-flag-const-disallowed',
    aliases: ['FromPlatformFlagConstDisallowed'],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'FROM --platform should not use a constant value.',
    docs: [
      'Flags `FROM --platform=linux/amd64 …` with a constant value: the stage is then always built (and',
      'emulated) for that platform, whatever `--platform` the build asks for. As in BuildKit, it is',
      'accepted when the lowercased stage name contains the platform\'s OS or architecture',
      '(`AS build_amd64`), which signals a deliberate per-platform stage; `x86_64` counts as `amd64`.',
      'Values that do not parse as a platform are left alone. Fix: use `$BUILDPLATFORM` /',
      '`$TARGETPLATFORM`, or name the stage after the platform.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/from-platform-flag-const-disallowed/',
  },
  check({ dockerfile, report }) {
    for (const { stage, platform } of fromExpansions(dockerfile).stages) {
      if (!platform) continue;
      const { matched, unmatched, result, error } = platform.expansion;
      if (matched.size > 0 || unmatched.size > 0 || error) continue;
      const parsed = parsePlatform(result);
      if (!parsed) continue;
      const stageName = stage.name ?? '';
      if (stageName.includes(parsed.os) || stageName.includes(parsed.architecture)) continue;
      report({
        range: platform.flag.range,
        message: `FROM --platform flag should not use constant value ${goQuote(result)}`,
      });
    }
  },
});
