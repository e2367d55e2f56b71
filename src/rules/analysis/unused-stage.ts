import { defineRule } from '../../engine/define-rule.js';
import { stageGraph } from './facts.js';

export default defineRule({
  meta: {
    code: 'unused-stage',
    name: 'unused-stage',
    family: 'analysis',
    severity: 'info',
    fixable: false,
    description: 'A stage that neither the final stage nor any stage it needs uses.',
    docs: [
      'A plain `docker build` builds the last stage and the stages it needs: through `FROM <stage>`,',
      '`COPY --from=<stage>` and `RUN --mount=from=<stage>`. Any other stage is skipped (BuildKit) or built',
      'for nothing (the classic builder). It may be a `--target` on purpose (a `test` or `dev` stage); if',
      'not, it is dead code. Fix: delete it, or use it. Not fixable automatically.',
    ].join('\n'),
  },
  check({ dockerfile, report }) {
    const graph = stageGraph(dockerfile);
    const final = graph[graph.length - 1];
    if (!final) return;
    for (const node of graph) {
      if (node.reachable) continue;
      const from = node.stage.from;
      report({
        range: from.stageNameRange ?? from.range,
        message: `Stage "${node.label}" is not used by the final stage "${final.label}" nor by any stage it needs; it is built only with --target`,
      });
    }
  },
});
