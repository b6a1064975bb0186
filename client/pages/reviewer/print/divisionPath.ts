// 填报单位 as a sheet prints it: the names of a division and the divisions above it, province
// first ("重庆市永川区临江镇高滩村"), from the divisions the reviewer's catalogue holds (its area
// and the divisions above it). A level the catalogue does not know is left out.
import type { Division } from '../../../api/types';

const LEVELS = [2, 4, 6, 9, 12];
// The official list's placeholders between a municipality and its districts print as nothing.
const PLACEHOLDERS = new Set(['市辖区', '县']);

export function divisionPath(code: string, divisions: readonly Division[]): string {
  const names = new Map(divisions.map((d) => [d.code, d.name]));
  return LEVELS.filter((n) => n <= code.length)
    .map((n) => names.get(code.slice(0, n)))
    .filter((name): name is string => !!name && !PLACEHOLDERS.has(name))
    .join('');
}
