import { defineRule } from '../../engine/define-rule.js';
import { ABSOLUTE_WORKDIR_FIX_DOCS, absoluteWorkdirFix } from '../fix-helpers.js';
import { simulateDispatch } from './dispatch.js';
import { goQuote } from './support.js';

/**
 * BuildKit judges the path for the target OS (Linux unless the build targets Windows). A drive
 * path (`C:\app`, `C:/app`) means the Dockerfile targets Windows, where it is absolute.
 */
const WINDOWS_DRIVE_PATH = /^[A-Za-z]:[\\/]/;

export default defineRule({
  meta: {
    code: 'workdir-relative-path',
    name: 'workdir-relative-path',
    aliases: ['WorkdirRelativePath'],
    family: 'buildkit',
    severity: 'warning',
    fixable: 'safe',
    description: 'The first WORKDIR of a stage should be an absolute path.',
    docs: [
      'Flags the first WORKDIR of a stage\'s lineage (the stage and its parent stages in this Dockerfile)',
      'when its path, after variable expansion, is relative: it resolves against the base image\'s working',
      'directory, which can change when the base image does. Once any WORKDIR has run in the lineage,',
      'later relative ones are fine. `~` is not expanded. The message shows the expanded path.',
      'Difference: a Windows drive path (`C:\\app`) is taken as absolute, since such a Dockerfile targets',
      'Windows; BuildKit judges it for the build\'s target OS (Linux by default).',
      '',
      'This is BuildKit\'s check; hadolint\'s DL3000 (`use-absolute-workdir`) is a separate rule because it',
      'flags every relative WORKDIR, without expansion. Fix: use an absolute path.',
      '',
      ...ABSOLUTE_WORKDIR_FIX_DOCS,
      'As this rule only flags the first WORKDIR of a lineage, in practice only `FROM scratch` stages are fixed.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/workdir-relative-path/',
  },
  check({ dockerfile, report }) {
    for (const record of simulateDispatch(dockerfile).records) {
      const workdir = record.workdir;
      if (!workdir || !workdir.first || workdir.path.startsWith('/') || WINDOWS_DRIVE_PATH.test(workdir.path)) continue;
      const fix = absoluteWorkdirFix(dockerfile, record.instruction);
      report({
        range: record.instruction.range,
        message: `Relative workdir ${goQuote(workdir.path)} can have unexpected results if the base image changes`,
        fix,
      });
    }
  },
});
