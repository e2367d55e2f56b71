import { defineRule } from '../../engine/define-rule.js';
import type { FromInstruction, Range } from '../../parser/types.js';
import { stripQuotes } from '../helpers.js';
import { hadolintImageNameOf, hadolintRegistryOf, instructionsWithStageState, isTrustedRegistry, type StageAliases } from './general-helpers.js';

const MESSAGE = 'Use only an allowed registry in the FROM image';

/** The FROM image text to judge: ARG-expanded when every variable resolved, else as written (hadolint). */
function fromImageText(from: FromInstruction): string {
  return from.image.unresolvedVariables.length === 0 ? from.image.expanded : stripQuotes(from.image.raw);
}

export default defineRule({
  meta: {
    code: 'DL3026',
    name: 'trusted-registry',
    family: 'hadolint',
    severity: 'error',
    fixable: false,
    description: 'Use only an allowed registry in the FROM image.',
    docs: [
      'Only active when trusted registries are configured (`trustedRegistries` in the config).',
      'Flags a `FROM` image, a `COPY --from=<image>` and a `RUN --mount=type=bind|cache,from=<image>`',
      'whose registry is not trusted. The registry is the first path segment when it contains a `.`',
      '(`my.reg:5000/app`); anything else is Docker Hub, trusted only when a pattern matches',
      '`docker.io` or `hub.docker.com`. Patterns: exact, `*` (everything), `*.example.com` (subdomains),',
      '`prefix*`. `scratch` and names of earlier stages are exempt; `COPY --from=0` counts as a Docker',
      'Hub image, as in hadolint. `FROM` images are judged after `ARG` expansion when every variable',
      'has a value.',
      '',
      'Fix: pull the image through a trusted registry or mirror. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3026',
  },
  check({ dockerfile, settings, report }) {
    const trusted = settings.trustedRegistries;
    if (trusted.length === 0) return;
    const isAllowed = (image: string, aliases: StageAliases): boolean => {
      const registry = hadolintRegistryOf(image);
      if (registry === null) {
        const name = hadolintImageNameOf(image);
        if (name === 'scratch' || aliases.has(name)) return true;
      }
      return isTrustedRegistry(registry, trusted);
    };
    for (const { instruction, aliasesSoFar } of instructionsWithStageState(dockerfile)) {
      let range: Range | null = null;
      if (instruction.kind === 'FROM') {
        if (!isAllowed(fromImageText(instruction), aliasesSoFar)) range = instruction.image.range;
      } else if (instruction.kind === 'COPY' && instruction.from !== null) {
        if (!isAllowed(instruction.from, aliasesSoFar)) {
          range = instruction.flags.find((flag) => flag.name === 'from')?.range ?? instruction.range;
        }
      } else if (instruction.kind === 'RUN') {
        const untrusted = instruction.mounts.some((mount) => {
          const from = mount.options.get('from');
          return (mount.type === 'bind' || mount.type === 'cache') && from !== undefined && !isAllowed(from, aliasesSoFar);
        });
        if (untrusted) range = instruction.flags.find((flag) => flag.name === 'mount')?.range ?? instruction.range;
      }
      if (range) report({ range, message: MESSAGE });
    }
  },
});
