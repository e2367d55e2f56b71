import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'context-unreadable',
    name: 'context-unreadable',
    family: 'analysis',
    severity: 'error',
    requiresContext: true,
    fixable: false,
    description: 'The build context holds a folder that cannot be read: the build fails while the context is being sent.',
    docs: [
      'The builder reads the whole build context before building, except what `.dockerignore` excludes, and',
      'stops at the first folder it may not list (`error from sender: open …: permission denied`, or',
      '`error checking context` with the classic builder). The usual culprit is a folder a container wrote',
      'through a bind mount: a database volume such as `postgres-data/`, owned by another user with mode 700.',
      '',
      'Each such folder is reported once, on the first instruction. A folder `.dockerignore` excludes is not',
      'read (unless an `!` exception could match below it), so excluding it is the usual fix; making it',
      'readable is the other. Not fixable automatically.',
    ].join('\n'),
  },
  check({ dockerfile, buildContext, report }) {
    const first = dockerfile.instructions[0];
    if (!buildContext || !first) return;
    for (const { path, isDirectory, code } of buildContext.unreadable) {
      const message =
        path === ''
          ? `The build context folder cannot be read (${code}): the build fails while sending the context`
          : `${isDirectory ? 'The folder' : 'The entry'} ${path} of the build context cannot be read (${code}): the build fails while sending the context; exclude it in .dockerignore or make it readable`;
      report({ range: first.range, message });
    }
  },
});
