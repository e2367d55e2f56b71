import { defineRule } from '../../engine/define-rule.js';
import { stageGraph, targetStageIndex } from './facts.js';

export default defineRule({
  meta: {
    code: 'unused-stage',
    name: 'unused-stage',
    family: 'analysis',
    severity: 'info',
    fixable: false,
    description: 'A stage that neither the target stage (by default the last) nor any stage it needs uses.',
    docs: [
      'A plain `docker build` builds the last stage and the stages it needs: through `FROM <stage>`,',
      '`COPY --from=<stage>` and `RUN --mount=from=<stage>`. Any other stage is skipped (BuildKit) or built',
      'for nothing (the classic builder). It may be a `--target` on purpose (a `test` or `dev` stage); if',
      'not, it is dead code. Fix: delete it, or use it. Not fixable automatically.',
      '',
      'With `dockside lint --target <stage>` the stages are judged against that stage, as `docker build',
      '--target` builds them; a `--target` no stage has is a parse error, and this rule then says nothing.',
    ].join('\n'),
  },
  check({ dockerfile, report }) {
    const target = targetStageIndex(dockerfile);
    if (target === null) return;
    const graph = stageGraph(dockerfile);
    const targetLabel = graph[target]!.label;
    const whichStage = dockerfile.target === null ? `the final stage "${targetLabel}"` : `the target stage "${targetLabel}"`;
    const builtWhen = dockerfile.target === null ? 'it is built only with --target' : `it is not built with --target ${dockerfile.target.name}`;
    for (const node of graph) {
      if (node.reachable) continue;
      const from = node.stage.from;
      report({
        range: from.stageNameRange ?? from.range,
        message: `Stage "${node.label}" is not used by ${whichStage} nor by any stage it needs; ${builtWhen}`,
      });
    }
  },
});
