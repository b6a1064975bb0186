import { describe, expect, it } from 'vitest';
import { buildDivisionTree, countsUnder, pathOf } from '../../../client/pages/reviewer/buildDivisionTree';

const DIVISIONS = [
  { code: '50', name: '重庆市', parentCode: null },
  { code: '5001', name: '重庆市市辖区', parentCode: '50' },
  { code: '500118', name: '永川区', parentCode: '5001' },
  { code: '500118106', name: '何埂镇', parentCode: '500118' },
  { code: '500118104', name: '临江镇', parentCode: '500118' },
  { code: '500118104202', name: '普安村', parentCode: '500118104' },
  { code: '500118104201', name: '高滩村', parentCode: '500118104' },
];
const names = (nodes: { name: string; children: unknown[] }[]): unknown => nodes.map((n) => (n.children.length ? [n.name, names(n.children as never)] : n.name));

describe('buildDivisionTree', () => {
  it('starts at the reviewer\'s own scope, children in code order, ancestors left out', () => {
    expect(names(buildDivisionTree(DIVISIONS, ['500118104'], 'reviewer'))).toEqual([['临江镇', ['高滩村', '普安村']]]);
    expect(names(buildDivisionTree(DIVISIONS, ['500118'], 'reviewer'))).toEqual([['永川区', [['临江镇', ['高滩村', '普安村']], '何埂镇']]]);
  });

  it('starts an administrator at the top', () => {
    expect(buildDivisionTree(DIVISIONS, [], 'admin').map((n) => n.name)).toEqual(['重庆市']);
  });

  it('adds the villages\' counts up to each node, and finds a node\'s path', () => {
    const counts = countsUnder([{ divisionCode: '500118104201', count: 3 }, { divisionCode: '500118104202', count: 2 }, { divisionCode: '500118106201', count: 7 }], ['500118', '500118104', '500118104202']);
    expect([...counts]).toEqual([['500118', 12], ['500118104', 5], ['500118104202', 2]]);
    const tree = buildDivisionTree(DIVISIONS, ['500118'], 'reviewer');
    expect(pathOf(tree, '500118104202').map((n) => n.name)).toEqual(['永川区', '临江镇', '普安村']);
  });
});
