import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'DL3007',
    name: 'no-latest-tag',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag.',
    docs: [
      'Flags `FROM image:latest` without a digest: `latest` moves under you, so two builds of the same',
      'Dockerfile can get different bases. `image:latest@sha256:…` is accepted (the digest pins it).',
      '',
      'dockside resolves `ARG` defaults and `--build-arg` values before judging, so `ARG BASE=alpine:latest`',
      'then `FROM ${BASE}` is caught and `FROM ${BASE}` with a pinned default is not (hadolint cannot see either).',
      '',
      'Not fixable: dockside never guesses a version.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3007',
  },
  check({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      const image = stage.from.image;
      if (image.tag === 'latest' && image.digest === null) {
        report({
          range: image.range,
          message: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
        });
      }
    }
  },
});
