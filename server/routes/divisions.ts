// Registering and adjusting divisions (行政区划): the official list to browse and import from
// (officialDivisions.ts) and the registered divisions' counts, history, removal and adjustment
// sheet (divisionAdjustments.ts), sharing one reader of the committed extract of the official list.
// GET /api/divisions, the tree of the user's own area, stays in catalog.ts.
import type { Deps } from '../deps';
import { OfficialDivisions } from '../divisions/officialDivisions';
import { createRouter } from '../http/createRouter';
import { divisionAdjustmentRoutes } from './divisionAdjustments';
import { officialDivisionRoutes } from './officialDivisions';

export function divisionRoutes(deps: Deps) {
  const official = new OfficialDivisions();
  return createRouter().route('/', officialDivisionRoutes(deps, official)).route('/', divisionAdjustmentRoutes(deps, official));
}
