import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'DL4000',
    name: 'maintainer-deprecated',
    aliases: ['MaintainerDeprecated'],
    family: 'buildkit',
    severity: 'error',
    fixable: false,
    description: 'MAINTAINER is deprecated; use a label instead.',
    docs: [
      'Flags every MAINTAINER instruction, even one before the first FROM. MAINTAINER has been deprecated',
      'since Docker 1.13; the author belongs in a label such as',
      '`LABEL org.opencontainers.image.authors="me@example.org"`.',
      '',
      "One rule for hadolint's DL4000 and BuildKit's MaintainerDeprecated (same semantics). The message is",
      "BuildKit's (`Maintainer instruction is deprecated in favor of using label`, which says what to do;",
      "hadolint prints `MAINTAINER is deprecated`); the severity is hadolint's (error). Not fixable",
      'automatically.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'MAINTAINER') continue;
      report({ range: instruction.keywordRange, message: 'Maintainer instruction is deprecated in favor of using label' });
    }
  },
});
