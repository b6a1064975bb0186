// The shape of the committed extract of the official division list (server/divisions/data/),
// written by scripts/extractDivisions.ts and read by officialDivisions.ts. Each level keeps only
// the digits it adds to its parent's code (city 2, county 2, township 3, village 3), so a full
// code is the parent's code followed by the suffix.

/** A village: [3-digit suffix, name]. */
export type VillageEntry = [string, string];
/** A township: [3-digit suffix, name, villages]. */
export type TownshipEntry = [string, string, VillageEntry[]];
/** A county's townships, as one province file holds them by the county's 6-digit code. */
export type CountyTownships = TownshipEntry[];
/** A province file (<province code>.json.gz): each county's townships, by 6-digit county code. */
export type ProvinceFile = Record<string, CountyTownships>;

/** index.json: the package the extract came from and provinces > cities > counties. */
export interface DivisionIndex {
  source: string;
  /** [2-digit code, name, cities: [2-digit suffix, name, counties: [2-digit suffix, name][]][]]. */
  provinces: [string, string, [string, string, [string, string][]][]][];
}
