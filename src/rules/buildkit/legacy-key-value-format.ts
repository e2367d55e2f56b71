import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'legacy-key-value-format',
    name: 'legacy-key-value-format',
    aliases: ['LegacyKeyValueFormat'],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'ENV and LABEL should use the key=value form, not the legacy "key value" form.',
    docs: [
      'Flags `ENV KEY value` and `LABEL key value`: in the legacy form the whole rest of the line is one',
      'value, so `ENV A b C=d` sets `A` to `b C=d`, which is rarely what was meant. ARG is never checked',
      '(`ARG a b` declares two ARGs), contrary to the example in Docker\'s docs. Every stage is checked,',
      'reachable or not, as `docker build --check` does. Fix: `ENV KEY=value` (quote values with spaces).',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/',
  },
  check({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.kind !== 'ENV' && instruction.kind !== 'LABEL') continue;
        if (!instruction.pairs.some((pair) => pair.legacy)) continue;
        const keyword = instruction.keyword;
        report({
          range: instruction.keywordRange,
          message: `"${keyword} key=value" should be used instead of legacy "${keyword} key value" format`,
        });
      }
    }
  },
});
