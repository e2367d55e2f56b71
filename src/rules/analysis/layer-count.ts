import { defineRule } from '../../engine/define-rule.js';
import { mapList, newList } from '../../parser/lists.js';
import { createsLayer, stageGraph } from './facts.js';

const DEFAULT_MAX_LAYERS = 20;

export default defineRule({
  meta: {
    code: 'layer-count',
    name: 'layer-count',
    family: 'analysis',
    severity: 'info',
    fixable: false,
    description: 'An image stage makes more layers (RUN, COPY, ADD) than the configured maximum.',
    docs: [
      'Counts the layer-creating instructions (RUN, COPY, ADD) of each stage, plus those of the stages it is',
      'built `FROM` (the layers of an external base image are not counted). ENV, LABEL, EXPOSE and the other',
      'metadata instructions make no layer. Many layers slow pulls and waste space when later layers',
      'delete what earlier ones added.',
      '',
      'Option `max` (default 20). Fix: merge consecutive RUNs with `&&`, copy related files in one COPY, or',
      'move build steps to an earlier stage and copy only the result. Not fixable automatically.',
    ].join('\n'),
    optionsSchema: { type: 'object', properties: { max: { type: 'integer', minimum: 1 } }, additionalProperties: false },
  },
  defaultOptions: { max: DEFAULT_MAX_LAYERS },
  check({ dockerfile, options, report }) {
    // One list kind whatever the stage count (parser/lists.ts): `.map` and `[]` gave two.
    const own = mapList(dockerfile.stages, (stage) => stage.instructions.filter(createsLayer).length);
    const total = newList<number>();
    for (const stage of dockerfile.stages) {
      total.push(own[stage.index]! + (stage.baseStageIndex !== null ? (total[stage.baseStageIndex] ?? 0) : 0));
    }
    for (const node of stageGraph(dockerfile)) {
      const count = total[node.stage.index]!;
      if (count <= options.max) continue;
      const inherited = count - own[node.stage.index]!;
      const detail = inherited > 0 ? ` (${own[node.stage.index]!} of its own, ${inherited} from the stages it is built on)` : '';
      report({
        range: node.stage.from.range,
        message: `Stage "${node.label}" makes ${count} layers${detail}, more than the maximum of ${options.max}`,
      });
    }
  },
});
