import { defineRule } from '../../engine/define-rule.js';
import type { Range } from '../../parser/types.js';
import { globalScope } from './dispatch.js';
import { processWord } from './lexer.js';
import { isValidNormalizedNamed } from './support.js';

export default defineRule({
  meta: {
    code: 'invalid-default-arg-in-from',
    name: 'invalid-default-arg-in-from',
    aliases: ['InvalidDefaultArgInFrom'],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'A FROM image should be valid with the default values of its ARGs.',
    docs: [
      'Expands each FROM image with only the global ARG defaults (build args ignored) and flags it when the',
      'result is not a valid image reference: `ARG TAG` + `FROM busybox:$TAG` gives `busybox:`, `FROM $IMAGE`',
      'gives an empty name, `FROM Alpine` is uppercase. Such a Dockerfile only builds when every build passes',
      'the right `--build-arg`. If a global ARG default fails to expand (`${X:?}`), the file is skipped, as',
      'BuildKit does. A per-instruction `# check=` comment cannot skip it (whole-file check). Fix: give the',
      'ARG a working default (`ARG TAG=3.20`).',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/invalid-default-arg-in-from/',
  },
  check({ dockerfile, report }) {
    const scope = globalScope(dockerfile, { defaultsOnly: true });
    if (scope.expansionError) return;
    const findings: { range: Range; message: string }[] = [];
    for (const stage of dockerfile.stages) {
      const raw = stage.from.image.raw;
      const expanded = processWord(raw, scope.lookup, { escapeChar: dockerfile.escapeChar });
      // An expansion error stops the check for the whole file (buildkit-checks.md §2).
      if (expanded.error) return;
      if (isValidNormalizedNamed(expanded.result)) continue;
      findings.push({
        range: stage.from.image.range,
        message: `Default value for ARG ${raw} results in empty or invalid base image name`,
      });
    }
    for (const finding of findings) report(finding);
  },
});
