import { defineRule } from '../../engine/define-rule.js';
import type { ExposePort } from '../../parser/types.js';
import { makeFix, replaceRange } from '../fix-helpers.js';
import { simulateDispatch } from './dispatch.js';

const PROTOCOLS: ReadonlySet<string> = new Set(['tcp', 'udp', 'sctp']);

export default defineRule({
  meta: {
    code: 'expose-proto-casing',
    name: 'expose-proto-casing',
    aliases: ['ExposeProtoCasing'],
    family: 'buildkit',
    severity: 'warning',
    fixable: 'safe',
    description: 'The protocol in EXPOSE should be lowercase.',
    docs: [
      'Flags an EXPOSE port whose protocol is `TCP`, `Udp`, `SCTP`…: Docker accepts it but the lowercase',
      'form is the canonical one. Ports are checked after variable expansion and re-splitting, and the',
      'message shows the expanded port. Fix: `EXPOSE 53/udp`.',
      '',
      'Fixable (safe): `--fix` lowercases the protocol of a port written literally (`80/TCP` → `80/tcp`).',
      'A port that comes from a variable (`EXPOSE $PORT`) is not fixed: the casing lives in the ARG/ENV.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/expose-proto-casing/',
  },
  check({ dockerfile, report }) {
    for (const record of simulateDispatch(dockerfile).records) {
      // Literal ports written in this EXPOSE, each matched to at most one expanded port.
      const literalPorts: ExposePort[] = record.instruction.kind === 'EXPOSE' ? [...record.instruction.ports] : [];
      for (const port of record.exposedPorts ?? []) {
        // nat.SplitProtoPort: the protocol is the part after the first `/`.
        const protocol = port.split('/')[1];
        if (protocol === undefined || protocol === protocol.toLowerCase()) continue;
        if (!PROTOCOLS.has(protocol.toLowerCase())) continue;
        const literalIndex = literalPorts.findIndex((literal) => literal.raw === port);
        const literal = literalIndex === -1 ? undefined : literalPorts.splice(literalIndex, 1)[0];
        const slash = port.indexOf('/');
        const fixed = `${port.slice(0, slash + 1)}${protocol.toLowerCase()}${port.slice(slash + 1 + protocol.length)}`;
        report({
          range: record.instruction.range,
          message: `Defined protocol '${port}' in EXPOSE instruction should be lowercase`,
          fix: literal ? makeFix('safe', `Write ${fixed}`, replaceRange(literal.range, fixed)) : undefined,
        });
      }
    }
  },
});
