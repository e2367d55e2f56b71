/**
 * Stage variables inherited without copies (parser/inherited-map.ts): a chain of stages shares one
 * map, stages built on a common base each get a layer, and what each stage sees is exactly what a
 * copy of its base stage's map would have held.
 */
import { describe, expect, it } from 'vitest';
import { InheritedMap, StageInheritance } from '../../src/parser/inherited-map.js';
import { lintForTest } from '../support/rule-tester.js';

describe('InheritedMap', () => {
  it('sees its base, shadows it, and lists entries in the order a copied Map would', () => {
    const base = InheritedMap.empty<string>([['PATH', '/bin'], ['A', '1']]);
    const child = base.inherit();
    child.set('B', '2');
    child.set('A', 'changed');
    expect(child.get('A')).toBe('changed');
    expect(base.get('A'), 'the base is untouched').toBe('1');
    expect(child.has('PATH')).toBe(true);
    expect(child.get('MISSING')).toBeUndefined();
    const copy = new Map([['PATH', '/bin'], ['A', '1']]);
    copy.set('B', '2');
    copy.set('A', 'changed');
    expect([...child.entries()]).toEqual([...copy.entries()]);
    expect(child.sizeBound).toBeGreaterThanOrEqual(3);
  });

  it('stays correct past the layers it keeps (a deep line of stages each built on a shared base)', () => {
    let map = InheritedMap.empty<number>();
    const expected = new Map<string, number>();
    for (let depth = 0; depth < 100; depth++) {
      map = map.inherit();
      map.set(`K${depth}`, depth);
      map.set('LAST', depth);
      expected.set(`K${depth}`, depth);
      expected.set('LAST', depth);
    }
    expect([...map.entries()]).toEqual([...expected.entries()]);
    expect(map.sizeBound, 'flattened on the way: at most 16 layers of duplicates').toBeLessThan(150);
  });
});

describe('StageInheritance', () => {
  it('hands a base with one child its own map, and gives each child of a shared base a layer', () => {
    const stages = [{ baseStageIndex: null }, { baseStageIndex: 0 }, { baseStageIndex: 1 }, { baseStageIndex: 1 }];
    const inheritance = new StageInheritance<InheritedMap<string>>(stages, (parent) => parent.inherit());
    const first = InheritedMap.empty<string>();
    inheritance.finish(0, first);
    const second = inheritance.inheritedBy(0)!;
    expect(second, 'only child: the same map').toBe(first);
    inheritance.finish(1, second);
    const third = inheritance.inheritedBy(1)!;
    const fourth = inheritance.inheritedBy(1)!;
    expect(third).not.toBe(second);
    expect(fourth, 'the last child of a shared base still gets a layer').not.toBe(second);
    third.set('X', '3');
    expect(fourth.get('X')).toBeUndefined();
  });
});

describe('what each stage sees (UndefinedVar)', () => {
  it('a stage never sees a sibling stage, whichever comes first, nor a later child of its base', async () => {
    const text = [
      'FROM alpine AS a',
      'ENV A=1',
      'FROM a AS b',
      'ENV B=2',
      'FROM a AS c',
      'ENV C=3',
      'COPY $A $B /c/', // B is b's, not c's
      'FROM b AS d',
      'COPY $A $B $C /d/', // C is c's, not d's
      'FROM d AS e',
      'ENV E=5',
      'FROM e',
      'COPY $A $B $E $C /f/', // C again
    ].join('\n');
    const findings = await lintForTest(`${text}\n`, { only: ['UndefinedVar'] });
    expect(findings.map((finding) => `${finding.line} ${finding.message}`)).toEqual([
      "7 Usage of undefined variable '$B' (did you mean $A?)",
      "9 Usage of undefined variable '$C' (did you mean $A?)",
      "13 Usage of undefined variable '$C' (did you mean $A?)",
    ]);
  });
});

describe('a long line of stages built on each other', () => {
  it('sees every variable of every stage before it (2,490 stages of ten: copied per stage, 21 s and 2.5 GB)', async () => {
    const stages = Array.from({ length: 2_490 }, (_, index) => {
      const keys = Array.from({ length: 10 }, (_, key) => `K${index}_${key}=${index === 0 ? 'v' : `$K${index - 1}_${key}`}`).join(' ');
      return `FROM ${index === 0 ? 'alpine' : `s${index - 1}`} AS s${index}\nENV ${keys}`;
    });
    const findings = await lintForTest(`${stages.join('\n')}\nCOPY $K0_0 $K2488_9 $K2490_0 /x/\n`, { only: ['UndefinedVar'] });
    expect(findings.map((finding) => `${finding.line} ${finding.message}`)).toEqual(["4981 Usage of undefined variable '$K2490_0' (did you mean $K240_0?)"]);
  });
});
