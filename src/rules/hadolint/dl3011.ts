import { defineRule } from '../../engine/define-rule.js';

const MAX_PORT = 65535;
const SINGLE_PORT = /^\d+$/;
const PORT_RANGE = /^(\d+)-(\d+)$/;

/** True for a literal port or range with a bound above 65535; variables and other text are skipped. */
function isOutOfRange(portText: string): boolean {
  const slash = portText.indexOf('/');
  const port = slash === -1 ? portText : portText.slice(0, slash);
  if (SINGLE_PORT.test(port)) return Number(port) > MAX_PORT;
  const range = PORT_RANGE.exec(port);
  return range !== null && (Number(range[1]) > MAX_PORT || Number(range[2]) > MAX_PORT);
}

export default defineRule({
  meta: {
    code: 'DL3011',
    name: 'valid-expose-port',
    family: 'hadolint',
    severity: 'error',
    fixable: false,
    description: 'Valid UNIX ports range from 0 to 65535.',
    docs: [
      'Flags an `EXPOSE` port, or a bound of a port range (`40000-80000/tcp`), above 65535: no such',
      'port exists. Ports holding a variable (`${PORT}`, `40000-${END}`) cannot be judged and are skipped.',
      '',
      'Fix: use a port number from 0 to 65535. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3011',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'EXPOSE') continue;
      const invalid = instruction.ports.find((port) => isOutOfRange(port.raw));
      if (invalid) report({ range: invalid.range, message: 'Valid UNIX ports range from 0 to 65535' });
    }
  },
});
