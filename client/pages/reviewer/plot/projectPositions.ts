// Households' positions drawn flat on a village's plot: an equirectangular projection about the
// middle of their bounding box (at a village's size, a few kilometres, it is as good as any map
// projection), scaled to fit the drawing with north up, and a scale bar of a round number of
// metres. No map tiles: a village has no network for them in the field.

export interface Position {
  id: string;
  latitude: number;
  longitude: number;
}

export interface Projected {
  id: string;
  x: number;
  y: number;
}

export interface Projection {
  points: Projected[];
  /** A scale bar: its length on the drawing and the metres it stands for. */
  scale: { length: number; metres: number };
}

const EARTH_RADIUS = 6_371_008.8;
const RADIAN = Math.PI / 180;
/** The smallest extent drawn (metres): a lone household or a few next door are not blown up. */
const MIN_SPAN = 100;

/** A round length (1, 2 or 5 times a power of ten) not above `metres`. */
export function roundMetres(metres: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(metres, 1)));
  return [5, 2, 1].map((m) => m * power).find((m) => m <= metres) ?? power;
}

export function projectPositions(positions: readonly Position[], width: number, height: number, margin: number): Projection {
  if (positions.length === 0) return { points: [], scale: { length: 0, metres: 0 } };
  const lats = positions.map((p) => p.latitude);
  const lons = positions.map((p) => p.longitude);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const midLon = (Math.min(...lons) + Math.max(...lons)) / 2;
  // Metres east and north of the middle.
  const flat = positions.map((p) => ({
    id: p.id,
    east: (p.longitude - midLon) * RADIAN * EARTH_RADIUS * Math.cos(midLat * RADIAN),
    north: (p.latitude - midLat) * RADIAN * EARTH_RADIUS,
  }));
  const spanEast = Math.max(MIN_SPAN, ...flat.map((p) => Math.abs(p.east) * 2));
  const spanNorth = Math.max(MIN_SPAN, ...flat.map((p) => Math.abs(p.north) * 2));
  const perMetre = Math.min((width - 2 * margin) / spanEast, (height - 2 * margin) / spanNorth);
  const points = flat.map((p) => ({ id: p.id, x: width / 2 + p.east * perMetre, y: height / 2 - p.north * perMetre }));
  const metres = roundMetres((width - 2 * margin) / 4 / perMetre);
  return { points, scale: { length: metres * perMetre, metres } };
}
