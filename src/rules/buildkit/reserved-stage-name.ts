import { defineRule } from '../../engine/define-rule.js';

const RESERVED_STAGE_NAMES: ReadonlySet<string> = new Set(['scratch', 'context']);

export default defineRule({
  meta: {
    code: 'DL3063',
    name: 'reserved-stage-name',
    aliases: ['ReservedStageName'],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'Stage names should not be reserved words (scratch, context).',
    docs: [
      'Flags `FROM image AS scratch` and `AS context`: `scratch` is the empty base image and `context` the',
      'build context, so a stage with either name makes `FROM scratch` / `COPY --from=context` ambiguous.',
      '',
      "One rule for hadolint's DL3063 and BuildKit's ReservedStageName. The name is lowercased first, as",
      'BuildKit does (hadolint compares exactly, so it misses `AS Scratch`). The message is BuildKit\'s. A',
      'per-instruction `# check=` comment cannot skip it (whole-file check). Fix: rename the stage.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/reserved-stage-name/',
  },
  check({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      if (stage.name === null || !RESERVED_STAGE_NAMES.has(stage.name)) continue;
      report({
        range: stage.from.stageNameRange ?? stage.from.range,
        message: `Stage name should not use the same name as reserved stage "${stage.name}"`,
      });
    }
  },
});
