import { defineRule } from '../../engine/define-rule.js';
import { simulateDispatch } from './dispatch.js';

export default defineRule({
  meta: {
    code: 'undefined-var',
    name: 'undefined-var',
    aliases: ['UndefinedVar'],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'Variables should be defined before they are used.',
    docs: [
      'Flags a `$NAME` that BuildKit expands at build time (ENV, LABEL, COPY/ADD paths and flags, COPY/ADD',
      'heredocs with an unquoted delimiter, WORKDIR, USER, VOLUME, STOPSIGNAL, RUN `--mount` values, ARG',
      'defaults) when NAME is neither set in the stage environment nor declared by an ARG of the stage or',
      'a parent stage. It expands to an empty string, usually a typo or a global ARG that was not',
      're-declared in the stage (`ARG NAME` after the FROM). RUN, CMD and ENTRYPOINT are left to the shell.',
      '',
      'Like BuildKit: one finding per expanded word and name, `${X:-default}` still counts as a use,',
      'and the message suggests a defined name at edit distance < 3. Difference: BuildKit knows the base',
      "image's ENV (`FROM python` defines `PYTHON_VERSION`); dockside assumes a base image defines only",
      '`PATH`, so names that come from a base image are reported. A file whose suggestions would take more',
      'than a million name comparisons (thousands of names and as many undefined uses) gets the rest',
      'without one. Fix: declare the variable (`ARG`/`ENV`) or correct its name.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/undefined-var/',
  },
  check({ dockerfile, report }) {
    for (const record of simulateDispatch(dockerfile).records) {
      for (const variable of record.undefinedVariables) {
        const hint = variable.suggestion === null ? '' : ` (did you mean $${variable.suggestion}?)`;
        report({
          range: record.instruction.range,
          message: `Usage of undefined variable '$${variable.name}'${hint}`,
        });
      }
    }
  },
});
