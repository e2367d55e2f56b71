import { defineRule } from '../../engine/define-rule.js';
import { describeJunk, junkInContext } from './context-facts.js';

export default defineRule({
  meta: {
    code: 'dockerignore-missing',
    name: 'dockerignore-missing',
    family: 'analysis',
    severity: 'warning',
    requiresContext: true,
    fixable: false,
    description: 'No .dockerignore applies to this Dockerfile while the build context holds things that never belong in a build.',
    docs: [
      'Docker reads `<Dockerfile name>.dockerignore` beside the Dockerfile, else `.dockerignore` at the root of',
      'the build context. When neither exists, everything is sent to the builder: `.git`, `node_modules`,',
      'virtualenvs, `__pycache__`, `target/`, editor folders… They slow every build, break the cache for no',
      'reason, and can leak history or credentials into an image through `COPY . .`.',
      '',
      'The rule fires only when such folders or files are actually in the context, and lists them with',
      'their sizes. Fix: add a `.dockerignore` at the context root naming them. Not fixable automatically.',
    ].join('\n'),
  },
  check({ dockerfile, buildContext, report }) {
    if (!buildContext || buildContext.dockerignore.file !== null) return;
    const junk = junkInContext(buildContext);
    const first = dockerfile.instructions[0];
    if (junk.length === 0 || !first) return;
    report({
      range: first.range,
      message: `No .dockerignore applies to this Dockerfile, and the build context holds ${describeJunk(junk)}: add a .dockerignore at the context root`,
    });
  },
});
