import { defineRule } from '../../engine/define-rule.js';
import { stripQuotes } from '../helpers.js';
import { instructionsWithStageState } from './general-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3006',
    name: 'tag-base-image',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Always tag the version of an image explicitly.',
    docs: [
      'Flags a `FROM` image with neither a tag nor a digest (`FROM debian`): the untagged name means',
      '`latest`, which moves under you. `scratch` and earlier stage names (`FROM build`, compared exactly,',
      'case-sensitive, as hadolint does) are exempt.',
      '',
      'Deliberate difference from hadolint: dockside resolves `ARG` defaults and `--build-arg` values',
      'first, so `ARG BASE=alpine` then `FROM ${BASE}` is caught and `ARG BASE=alpine:3.20` then',
      '`FROM ${BASE}` is clean. When a variable has no value, hadolint\'s behaviour is kept: an image',
      'starting with `$` is skipped, while `FROM img${X}` still fires, except when the known part',
      'starts the name of an earlier stage (`FROM binaries-${TARGETOS}` after `FROM scratch AS',
      'binaries-linux`): that is most likely a stage reference, so dockside stays quiet where hadolint fires.',
      '',
      'Fix: add a version tag (`debian:12`) or a digest. Not fixable: dockside never guesses a version.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3006',
  },
  check({ dockerfile, report }) {
    for (const { instruction, aliasesSoFar } of instructionsWithStageState(dockerfile)) {
      if (instruction.kind !== 'FROM') continue;
      const image = instruction.image;
      // An unresolvable `FROM ${BASE}` cannot be judged: hadolint skips names starting with `$` (§2).
      if (image.unresolvedVariables.length > 0 && stripQuotes(image.raw).startsWith('$')) continue;
      if (image.name === '' || image.tag !== null || image.digest !== null) continue;
      if (image.registry === null && image.name === 'scratch') continue;
      if (aliasesSoFar.has(image.expanded)) continue;
      // `FROM binaries-${TARGETOS}` with the variable unknown (BuildKit's automatic platform ARGs have
      // no default in the file): when the known part starts an earlier stage's name, it is most
      // likely a stage reference, so do not guess. hadolint fires here (§2); deliberate difference.
      if (image.unresolvedVariables.length > 0 && aliasesSoFar.someStartsWith(image.expanded)) continue;
      report({ range: image.range, message: 'Always tag the version of an image explicitly' });
    }
  },
});
