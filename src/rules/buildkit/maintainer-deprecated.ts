import { defineRule } from '../../engine/define-rule.js';
import { doubleQuoted, keywordLike, makeFix, replaceRange } from '../fix-helpers.js';

export default defineRule({
  meta: {
    code: 'DL4000',
    name: 'maintainer-deprecated',
    aliases: ['MaintainerDeprecated'],
    family: 'buildkit',
    severity: 'error',
    fixable: 'safe',
    description: 'MAINTAINER is deprecated; use a label instead.',
    docs: [
      'Flags every MAINTAINER instruction, even one before the first FROM. MAINTAINER has been deprecated',
      'since Docker 1.13; the author belongs in a label such as',
      '`LABEL org.opencontainers.image.authors="me@example.org"`.',
      '',
      "One rule for hadolint's DL4000 and BuildKit's MaintainerDeprecated (same semantics). The message is",
      "BuildKit's (`Maintainer instruction is deprecated in favor of using label`, which says what to do;",
      "hadolint prints `MAINTAINER is deprecated`); the severity is hadolint's (error).",
      '',
      'Fixable (safe): `--fix` replaces `MAINTAINER Jane <jane@example.org>` with',
      '`LABEL org.opencontainers.image.authors="Jane <jane@example.org>"`, the text kept verbatim (MAINTAINER',
      'expands no variables, so `$`, `"` and the escape character are escaped in the label value). The',
      'keyword keeps the case of `MAINTAINER`. Not fixed: an empty MAINTAINER and one before the first',
      'FROM (both are build errors whatever the fix).',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'MAINTAINER') continue;
      const author = instruction.argsText.trim();
      const label = `${keywordLike(instruction.keyword, 'LABEL')} org.opencontainers.image.authors=`;
      const fix =
        author !== '' && instruction.stageIndex >= 0
          ? makeFix(
              'safe',
              'Replace MAINTAINER with the org.opencontainers.image.authors label',
              replaceRange(instruction.range, label + doubleQuoted(author, dockerfile.escapeChar)),
            )
          : undefined;
      report({
        range: instruction.keywordRange,
        message: 'Maintainer instruction is deprecated in favor of using label',
        fix,
      });
    }
  },
});
