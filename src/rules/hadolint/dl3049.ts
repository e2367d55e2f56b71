import { defineRule } from '../../engine/define-rule.js';
import type { Dockerfile, FromInstruction } from '../../parser/types.js';
import { schemaLabels } from './label-helpers.js';

/** A stage as hadolint's DL3049 tracks it: its FROM, its `AS` name, and the image it starts from. */
interface TrackedStage {
  readonly from: FromInstruction;
  readonly alias: string | null;
  readonly imageName: string;
}

/**
 * The stages of `dockerfile` that never get `label`, replaying hadolint's DL3049 fold
 * (§2 DL3049). Each stage is good (sets the label or starts `FROM` the alias of a good stage),
 * silent (exempted), or bad (reported):
 * - a `COPY --from=<alias>` silences the bad stages with that alias: they are build stages;
 * - a LABEL setting it marks the current stage good and silences the bad stages whose alias equals
 *   the current stage's name, which is its own alias or, without one, its image name — so a stage
 *   is exempt when an unaliased `FROM <its alias>` stage sets the label. Names compare exactly.
 * Only top-level COPY and LABEL count (hadolint's check does not look inside ONBUILD).
 */
function stagesMissingLabel(dockerfile: Dockerfile, label: string): TrackedStage[] {
  const good = new Set<TrackedStage>();
  const bad = new Set<TrackedStage>();
  let current: TrackedStage | null = null;
  const silenceByAlias = (name: string): void => {
    for (const stage of bad) if (stage.alias === name) bad.delete(stage);
  };
  for (const instruction of dockerfile.instructions) {
    if (instruction.kind === 'FROM') {
      // hadolint matches its own `imageName` (no tag, no registry); we use the ARG-expanded name,
      // which is what BuildKit resolves stage references with.
      const imageName = instruction.image.name;
      current = { from: instruction, alias: instruction.stageName, imageName };
      const inheritsLabel = [...good].some((stage) => stage.alias === imageName);
      (inheritsLabel ? good : bad).add(current);
    } else if (current === null) {
      continue;
    } else if (instruction.kind === 'COPY' && instruction.from !== null) {
      silenceByAlias(instruction.from);
    } else if (instruction.kind === 'LABEL' && instruction.pairs.some((pair) => pair.key === label)) {
      silenceByAlias(current.alias ?? current.imageName);
      bad.delete(current);
      good.add(current);
    }
  }
  return [...bad];
}

export default defineRule({
  meta: {
    code: 'DL3049',
    name: 'required-label',
    family: 'hadolint',
    severity: 'info',
    fixable: false,
    description: 'Every image stage must set the labels declared in the label schema.',
    docs: [
      'Only active with a `label-schema` (`labelSchema` in a dockside config): for each label in the',
      'schema, flags the FROM of every stage that never sets it. A stage built `FROM <alias>` of a stage',
      'that set the label inherits it. Stages that only feed others are exempt: one used by a later',
      '`COPY --from=<alias>`, or one that a later unaliased `FROM <alias>` stage sets the label in.',
      '',
      'One finding per missing label per stage, at its FROM. Stage names compare exactly, as in',
      'hadolint (BuildKit is case-insensitive); dockside resolves ARGs in the FROM image first.',
      'Labels set by `ONBUILD LABEL` and `COPY --from` inside ONBUILD are not counted, as in hadolint.',
      '',
      'Not fixable: dockside cannot know the value.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3049',
  },
  check({ dockerfile, settings, report }) {
    for (const { label } of schemaLabels(settings.labelSchema)) {
      for (const stage of stagesMissingLabel(dockerfile, label)) {
        report({ range: stage.from.range, message: 'Label `' + label + '` is missing.' });
      }
    }
  },
});
