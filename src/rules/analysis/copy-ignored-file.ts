import { defineRule } from '../../engine/define-rule.js';
import { cleanPath } from '../../context/go-path.js';
import { dispatchedStages, expandedCopySources } from './facts.js';

/** Patterns that exclude the whole context: only these make `COPY . .` warn (§2, dockerfile 1.26.0+). */
const ROOT_WIDE_PATTERNS: ReadonlySet<string> = new Set(['*', '**', '**/*']);

export default defineRule({
  meta: {
    code: 'copy-ignored-file',
    name: 'copy-ignored-file',
    aliases: ['CopyIgnoredFile'],
    family: 'analysis',
    severity: 'warning',
    requiresContext: true,
    fixable: false,
    description: 'A COPY or ADD source is excluded by the .dockerignore, so the build will not find it.',
    docs: [
      "BuildKit's `CopyIgnoredFile` check, reproduced exactly (buildkit-checks.md §2 and §7): a local source of",
      'a `COPY` without `--from`, or of an `ADD`, that after variable expansion and `filepath.Clean` is excluded',
      '(itself or a parent folder) by the `.dockerignore` that applies to this Dockerfile',
      '(`<Dockerfile>.dockerignore` beside it, else `.dockerignore` at the context root).',
      '',
      'Like BuildKit, the rule is silent when the ignore file has no pattern or has any `!` exception, skips',
      'URL, git and heredoc sources, matches wildcard sources literally, keeps a leading `/` of the source',
      '(so `/Dockerfile` never matches `Dockerfile`), and only warns for `.` and `/` when a pattern is exactly',
      '`*`, `**` or `**/*`. With `--target`, only the stages the target needs are checked, as BuildKit',
      'dispatches only those.',
      '',
      'Fix: remove the pattern from the `.dockerignore`, or stop copying the file. Not fixable automatically.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/copy-ignored-file/',
  },
  check({ dockerfile, buildContext, report }) {
    if (!buildContext) return;
    const ignore = buildContext.dockerignore;
    if (ignore.patterns.length === 0 || ignore.hasExceptions) return;
    const rootWide = ignore.patterns.some((pattern) => ROOT_WIDE_PATTERNS.has(pattern));
    // A dispatch-time check: with `--target`, only the stages the target needs (§1 step 8).
    const dispatched = new Set(dispatchedStages(dockerfile).map((stage) => stage.index));
    for (const [instruction, sources] of expandedCopySources(dockerfile)) {
      if (instruction.kind === 'COPY' && instruction.from !== null) continue;
      if (!dispatched.has(instruction.stageIndex)) continue;
      const verb = instruction.kind === 'COPY' ? 'Copy' : 'Add';
      for (const source of sources) {
        if (source.kind !== 'local') continue;
        const cleaned = cleanPath(source.value);
        const excluded = cleaned === '.' || cleaned === '/' ? rootWide : ignore.isIgnored(cleaned);
        if (!excluded) continue;
        report({
          range: source.word.range,
          message: `Attempting to ${verb} file ${JSON.stringify(cleaned)} that is excluded by .dockerignore`,
        });
      }
    }
  },
});
