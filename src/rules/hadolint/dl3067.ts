import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'DL3067',
    name: 'no-copy-entire-filesystem',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Do not copy an entire filesystem from another stage.',
    docs: [
      'Flags `COPY --from=<stage> / /`: copying a whole root filesystem over another drags in',
      'everything (package databases, caches, device nodes) and defeats the point of a multi-stage',
      'build. Only a source of exactly `/` with a destination of exactly `/` fires.',
      '',
      'Fix: copy the directories you need (`COPY --from=build /app /app`). Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3067',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'COPY' || instruction.from === null) continue;
      if (instruction.destination?.value !== '/') continue;
      if (!instruction.sources.some((source) => source.value === '/')) continue;
      report({ range: instruction.range, message: 'Do not copy an entire filesystem from another stage' });
    }
  },
});
