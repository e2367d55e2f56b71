import { defineRule } from '../../engine/define-rule.js';
import { fromExpansions } from './from-scope.js';

export default defineRule({
  meta: {
    code: 'DL3065',
    name: 'redundant-target-platform',
    aliases: ['RedundantTargetPlatform'],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'FROM --platform=$TARGETPLATFORM is redundant: it is the default.',
    docs: [
      'Flags `FROM --platform=$TARGETPLATFORM`: a stage is built for the target platform anyway, so the',
      'flag only adds noise (and hides that a different platform may have been intended).',
      '',
      "One rule for hadolint's DL3065 and BuildKit's RedundantTargetPlatform. It follows BuildKit: the value",
      'is expanded, and it fires when `TARGETPLATFORM` is the only variable used and the result equals the',
      'target platform, so `${TARGETPLATFORM:-linux/amd64}` and a quoted `"$TARGETPLATFORM"` are caught too',
      "(hadolint matches only `$TARGETPLATFORM` and `${TARGETPLATFORM}` literally). The message is",
      "BuildKit's and shows the value as written. Fix: remove the `--platform` flag.",
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/redundant-target-platform/',
  },
  check({ dockerfile, report }) {
    const { scope, stages } = fromExpansions(dockerfile);
    for (const { platform } of stages) {
      if (!platform) continue;
      const { matched, unmatched, result } = platform.expansion;
      if (matched.size !== 1 || unmatched.size !== 0 || !matched.has('TARGETPLATFORM')) continue;
      if (result !== scope.lookup('TARGETPLATFORM')) continue;
      report({
        range: platform.flag.range,
        message: `Setting platform to predefined ${platform.raw} in FROM is redundant as this is the default behavior`,
      });
    }
  },
});
