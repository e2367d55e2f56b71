import { defineRule } from '../../engine/define-rule.js';
import { fromExpansions } from './from-scope.js';
import { suggestClosest, suggestionBudgetOf } from './support.js';

export default defineRule({
  meta: {
    code: 'undefined-arg-in-from',
    name: 'undefined-arg-in-from',
    aliases: ['UndefinedArgInFrom'],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'Variables used in FROM should be declared by a global ARG.',
    docs: [
      'Flags a variable in a FROM image or `--platform` value that is neither declared by an ARG before the',
      'first FROM nor one of the predefined platform ARGs (`BUILDPLATFORM`, `TARGETARCH`, …). Stage ARGs',
      'never apply to FROM. Any use counts, `${X:-default}` included. The message suggests a declared',
      'name at edit distance < 3 (BuildKit picks among ties at random; dockside prefers global ARGs in file',
      'order, then predefined ones). Fix: declare `ARG X` before the first FROM, or correct the name.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/undefined-arg-in-from/',
  },
  check({ dockerfile, report }) {
    const { scope, stages } = fromExpansions(dockerfile);
    for (const { stage, baseName, platform } of stages) {
      const words = platform ? [baseName, platform.expansion] : [baseName];
      for (const word of words) {
        for (const name of word.unmatched) {
          if (scope.declared.has(name)) continue;
          const suggestion = suggestClosest(name, scope.suggestionOptions, suggestionBudgetOf(dockerfile));
          report({
            range: stage.from.range,
            message: `FROM argument '${name}' is not declared${suggestion === null ? '' : ` (did you mean ${suggestion}?)`}`,
          });
        }
      }
    }
  },
});
