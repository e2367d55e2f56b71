import { defineRule } from '../../engine/define-rule.js';
import { simulateDispatch } from './dispatch.js';

export default defineRule({
  meta: {
    code: 'expose-invalid-format',
    name: 'expose-invalid-format',
    aliases: ['ExposeInvalidFormat'],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'EXPOSE should not define an IP address or a host-port mapping.',
    docs: [
      'Flags an EXPOSE port containing `:` (`127.0.0.1:80:80`, `8080:80`): EXPOSE only documents the',
      'container port; the host address and port are chosen at `docker run -p` time, and Docker ignores',
      'them here. Checked after variable expansion. Fix: `EXPOSE 80`.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/expose-invalid-format/',
  },
  check({ dockerfile, report }) {
    for (const record of simulateDispatch(dockerfile).records) {
      for (const port of record.exposedPorts ?? []) {
        if (!port.includes(':')) continue;
        report({
          range: record.instruction.range,
          message: `EXPOSE instruction should not define an IP address or host-port mapping, found '${port}'`,
        });
      }
    }
  },
});
