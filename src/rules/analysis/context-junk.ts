import { defineRule } from '../../engine/define-rule.js';
import { describeJunk, junkInContext } from './context-facts.js';
import { ignoreFileName } from './facts.js';

export default defineRule({
  meta: {
    code: 'context-junk',
    name: 'context-junk',
    family: 'analysis',
    severity: 'warning',
    requiresContext: true,
    fixable: false,
    description: 'The .dockerignore leaves folders or files in the build context that never belong in a build.',
    docs: [
      'A `.dockerignore` applies, but the context it lets through still holds `.git`, `node_modules`,',
      'virtualenvs, `__pycache__`, build output (`target/` beside a `Cargo.toml` or `pom.xml`, `bin/` and',
      '`obj/` beside a .NET project), editor folders or `.DS_Store` files. The message lists them, largest',
      'first, with the bytes each adds to the context.',
      '',
      'Fix: add the listed paths (or `**/name`) to the `.dockerignore`. Not fixable automatically.',
    ].join('\n'),
  },
  check({ dockerfile, buildContext, report }) {
    if (!buildContext || buildContext.dockerignore.file === null) return;
    const junk = junkInContext(buildContext);
    const first = dockerfile.instructions[0];
    if (junk.length === 0 || !first) return;
    report({
      range: first.range,
      message: `${ignoreFileName(buildContext.dockerignore.file)} leaves ${describeJunk(junk)} in the build context`,
    });
  },
});
