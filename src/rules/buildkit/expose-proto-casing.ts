import { defineRule } from '../../engine/define-rule.js';
import { simulateDispatch } from './dispatch.js';

const PROTOCOLS: ReadonlySet<string> = new Set(['tcp', 'udp', 'sctp']);

export default defineRule({
  meta: {
    code: 'expose-proto-casing',
    name: 'expose-proto-casing',
    aliases: ['ExposeProtoCasing'],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'The protocol in EXPOSE should be lowercase.',
    docs: [
      'Flags an EXPOSE port whose protocol is `TCP`, `Udp`, `SCTP`…: Docker accepts it but the lowercase',
      'form is the canonical one. Ports are checked after variable expansion and re-splitting, and the',
      'message shows the expanded port. Fix: `EXPOSE 53/udp`.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/expose-proto-casing/',
  },
  check({ dockerfile, report }) {
    for (const record of simulateDispatch(dockerfile).records) {
      for (const port of record.exposedPorts ?? []) {
        // nat.SplitProtoPort: the protocol is the part after the first `/`.
        const protocol = port.split('/')[1];
        if (protocol === undefined || protocol === protocol.toLowerCase()) continue;
        if (!PROTOCOLS.has(protocol.toLowerCase())) continue;
        report({
          range: record.instruction.range,
          message: `Defined protocol '${port}' in EXPOSE instruction should be lowercase`,
        });
      }
    }
  },
});
