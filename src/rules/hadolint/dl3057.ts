import { defineRule } from '../../engine/define-rule.js';
import type { FromInstruction } from '../../parser/types.js';

/** A stage as hadolint's DL3057 tracks it: the image it starts from and the name others use for it. */
interface TrackedStage {
  readonly from: FromInstruction;
  /** The image name in its FROM. */
  readonly source: string;
  /** Its `AS` name, or without one its image name (so `FROM ubuntu` twice gives two "ubuntu"s). */
  readonly name: string;
}

export default defineRule({
  meta: {
    code: 'DL3057',
    name: 'require-healthcheck',
    family: 'hadolint',
    severity: 'info',
    enabledByDefault: false,
    description: 'HEALTHCHECK instruction missing.',
    fixable: false,
    docs: [
      'Off by default (hadolint’s level for it is `ignore`); enable it to require every image to say how',
      'its health is checked. Flags the FROM of every stage that has no HEALTHCHECK (`HEALTHCHECK NONE`',
      'counts: it is an explicit choice), unless the stage starts `FROM` a stage that has one, or is an',
      'ancestor (through `FROM <alias>` chains) of a stage that has one.',
      '',
      'Mirrors hadolint’s name matching: a stage without `AS` is known by its image name, so',
      '`FROM ubuntu` … `HEALTHCHECK` … `FROM ubuntu` passes for both stages. Names compare exactly;',
      'dockside resolves ARGs in the FROM image first. `ONBUILD HEALTHCHECK` does not count.',
      '',
      'Not fixable: dockside cannot know how to probe the service.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3057',
  },
  check({ dockerfile, report }) {
    const good: TrackedStage[] = [];
    const bad = new Set<TrackedStage>();
    let current: TrackedStage | null = null;
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind === 'FROM') {
        const source = instruction.image.name;
        current = { from: instruction, source, name: instruction.stageName ?? source };
        if (good.some((stage) => stage.name === source)) good.push(current);
        else bad.add(current);
      } else if (instruction.kind === 'HEALTHCHECK' && current !== null) {
        // The stage and, transitively, the bad stages it was built from become good (§2 DL3057).
        const pending: TrackedStage[] = [current];
        bad.delete(current);
        good.push(current);
        for (let stage = pending.pop(); stage !== undefined; stage = pending.pop()) {
          for (const ancestor of bad) {
            if (ancestor.name !== stage.source) continue;
            bad.delete(ancestor);
            good.push(ancestor);
            pending.push(ancestor);
          }
        }
      }
    }
    for (const stage of bad) report({ range: stage.from.range, message: '`HEALTHCHECK` instruction missing.' });
  },
});
