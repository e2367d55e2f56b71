import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'DL3024',
    name: 'duplicate-stage-name',
    aliases: ['DuplicateStageName'],
    family: 'buildkit',
    severity: 'error',
    fixable: false,
    description: 'Stage names should be unique.',
    docs: [
      'Flags a FROM whose `AS` name was already used by an earlier stage. A later `COPY --from=name` or',
      '`FROM name` can only mean one of them, so the other stage is silently unreachable by name.',
      '',
      "One rule for hadolint's DL3024 and BuildKit's DuplicateStageName. Names are compared",
      'case-insensitively, as BuildKit lowercases them (hadolint compares them exactly, so it misses',
      '`AS Build` + `AS build`, which BuildKit treats as duplicates). The message is BuildKit\'s, with the',
      'lowercased name; the severity is hadolint\'s (error). A per-instruction `# check=` comment cannot',
      'skip it (whole-file check). Fix: rename one of the stages.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/duplicate-stage-name/',
  },
  check({ dockerfile, report }) {
    const seen = new Set<string>();
    for (const stage of dockerfile.stages) {
      const from = stage.from;
      if (stage.name === null || from.stageNameRange === null) continue;
      if (seen.has(stage.name)) {
        report({
          range: from.stageNameRange,
          message: `Duplicate stage name "${stage.name}", stage names should be unique`,
        });
      }
      seen.add(stage.name);
    }
  },
});
