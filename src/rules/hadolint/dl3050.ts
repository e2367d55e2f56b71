import { defineRule } from '../../engine/define-rule.js';
import { labelInstructions } from './label-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3050',
    name: 'no-superfluous-labels',
    family: 'hadolint',
    severity: 'info',
    fixable: false,
    description: 'With strict labels, every label must be declared in the label schema.',
    docs: [
      'Only active with `strict-labels: true` (`strictLabels` in a dockside config): flags a LABEL',
      'instruction that sets a key not declared in the `label-schema`. With an empty schema, every',
      'LABEL is flagged. Use it to keep images to an agreed set of labels.',
      '',
      'One finding per LABEL instruction, at its first undeclared key. `ONBUILD LABEL` is not checked,',
      'as in hadolint.',
      '',
      'Not fixable: add the label to the schema or remove it.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3050',
  },
  check({ dockerfile, settings, report }) {
    if (!settings.strictLabels) return;
    const declared = new Set(Object.keys(settings.labelSchema));
    for (const instruction of labelInstructions(dockerfile)) {
      const superfluous = instruction.pairs.find((pair) => !declared.has(pair.key));
      if (superfluous) report({ range: superfluous.keyRange, message: 'Superfluous label(s) present.' });
    }
  },
});
