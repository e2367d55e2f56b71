import { instructionCheckComment, isSkippedByCheckComment } from '../../engine/check-directive.js';
import { defineRule } from '../../engine/define-rule.js';
import { simulateDispatch } from './dispatch.js';

const CHECK_NAME = 'MultipleInstructionsDisallowed';

export default defineRule({
  meta: {
    code: 'multiple-instructions-disallowed',
    name: 'multiple-instructions-disallowed',
    aliases: [CHECK_NAME],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect.',
    docs: [
      'Flags a CMD, ENTRYPOINT or HEALTHCHECK (`HEALTHCHECK NONE` too) that a later one of the same kind',
      'in the same stage overrides: the earlier one does nothing. Tracking is per stage and not inherited',
      'from a parent stage.',
      '',
      'As in BuildKit, the finding is reported at the **earlier**, overridden instruction, the message',
      'names the later keyword as written, and it is the *later* instruction\'s `# check=skip=` comment that',
      'can skip it. Fix: delete the instruction that has no effect.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/multiple-instructions-disallowed/',
  },
  check({ dockerfile, report }) {
    for (const record of simulateDispatch(dockerfile).records) {
      const earlier = record.overrides;
      if (!earlier) continue;
      const later = record.instruction;
      // §4: the later instruction's comment decides (the engine would look at the earlier one's).
      if (isSkippedByCheckComment(instructionCheckComment(dockerfile, later), CHECK_NAME, false)) continue;
      report({
        range: earlier.keywordRange,
        message: `Multiple ${later.keyword} instructions should not be used in the same stage because only the last one will be used`,
      });
    }
  },
});
