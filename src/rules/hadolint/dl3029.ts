import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'DL3029',
    name: 'no-from-platform-flag',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Do not use --platform flag with FROM.',
    docs: [
      'Flags `FROM --platform=<value>` unless the value mentions `BUILDPLATFORM` or `TARGETPLATFORM`:',
      'a hard-coded platform (`linux/amd64`) breaks multi-platform builds and emulates on other hosts.',
      '',
      'Fix: drop the flag, or use `--platform=$BUILDPLATFORM` for build-only stages. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3029',
  },
  check({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      const platform = stage.from.flags.find((flag) => flag.name === 'platform');
      if (!platform) continue;
      // hadolint tests the raw flag text, quotes kept (§2).
      if (platform.raw.includes('BUILDPLATFORM') || platform.raw.includes('TARGETPLATFORM')) continue;
      report({ range: platform.range, message: 'Do not use --platform flag with FROM' });
    }
  },
});
