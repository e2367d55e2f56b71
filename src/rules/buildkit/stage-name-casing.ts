import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'stage-name-casing',
    name: 'stage-name-casing',
    aliases: ['StageNameCasing'],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'Stage names should be lowercase.',
    docs: [
      'Flags `FROM image AS Name` when the stage name is not all lowercase. BuildKit lowercases stage',
      'names, so `COPY --from=Name` and `FROM Name` work, but the mixed case suggests a distinction that',
      'does not exist. Like BuildKit, it looks at any FROM with exactly three arguments, whatever the',
      'second word is. Fix: write the name in lowercase. Not fixable automatically.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/stage-name-casing/',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'FROM' || instruction.words.length !== 3) continue;
      const name = instruction.words[2]!;
      if (name.raw.toLowerCase() === name.raw) continue;
      report({ range: name.range, message: `Stage name '${name.raw}' should be lowercase` });
    }
  },
});
