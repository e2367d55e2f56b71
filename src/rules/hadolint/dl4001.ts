import { defineRule } from '../../engine/define-rule.js';
import { commandRange } from '../helpers.js';
import { instructionStreams } from './shell-helpers.js';

export default defineRule({
  meta: {
    code: 'DL4001',
    name: 'either-curl-or-wget',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Either use Wget or Curl but not both.',
    docs: [
      'Flags the use of both `curl` and `wget` within one stage: once both have been seen (in one RUN or',
      'across RUNs), every RUN from that point on that uses either tool is reported, including the one that',
      'completed the pair. The state starts over at each `FROM`; `ONBUILD RUN` triggers are checked as one',
      'stage of their own.',
      '',
      'Two download tools do the same job and both end up in the image. Pick one.',
      '',
      'Not fixable: the two tools take different options.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL4001',
  },
  check({ dockerfile, report }) {
    for (const stream of instructionStreams(dockerfile, { onbuild: true })) {
      let seenCurl = false;
      let seenWget = false;
      for (const instruction of stream) {
        if (instruction.kind === 'FROM') {
          seenCurl = false;
          seenWget = false;
          continue;
        }
        if (instruction.kind !== 'RUN') continue;
        const download = instruction.script.commands.find((command) => command.name === 'curl' || command.name === 'wget');
        if (!download) continue;
        seenCurl ||= instruction.script.commands.some((command) => command.name === 'curl');
        seenWget ||= instruction.script.commands.some((command) => command.name === 'wget');
        if (seenCurl && seenWget) {
          report({ range: commandRange(instruction, download), message: 'Either use Wget or Curl but not both' });
        }
      }
    }
  },
});
