import { defineRule } from '../../engine/define-rule.js';
import { parsePragmas } from '../../engine/pragmas.js';

export default defineRule({
  meta: {
    code: 'DL1001',
    name: 'no-inline-ignore-pragma',
    family: 'hadolint',
    severity: 'info',
    enabledByDefault: false,
    fixable: false,
    description: 'Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`.',
    docs: [
      'Off by default (hadolint computes it at level `ignore`). When enabled, flags every inline',
      '`# hadolint ignore=…` comment, for teams that want suppressions to live in the config file where',
      'they are reviewed. `global`, `stage` and `shell` pragmas, `# dockside ignore=…` comments and',
      'pragmas inside a line continuation (which do nothing) are not flagged.',
      '',
      'Fix: move the suppression to the config (`ignore:`), or fix the finding. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL1001',
  },
  check({ dockerfile, report }) {
    const inlineLines = new Set(
      parsePragmas(dockerfile)
        .ignores.filter((pragma) => pragma.tool === 'hadolint' && pragma.scope === 'inline')
        .map((pragma) => pragma.line),
    );
    if (inlineLines.size === 0) return;
    for (const comment of dockerfile.comments) {
      if (comment.insideContinuation || !inlineLines.has(comment.line)) continue;
      report({
        range: comment.range,
        // The double space before the backtick is hadolint's (§9).
        message: 'Please refrain from using inline ignore pragmas  `# hadolint ignore=DLxxxx`.',
      });
    }
  },
});
