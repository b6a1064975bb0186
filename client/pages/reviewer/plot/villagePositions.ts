// Which household stands where, from a form's submissions of one village: each household's
// latest submission (the list is newest first) gives its position from the form's first location
// field holding one (parseLocation from the engine); a household whose submission holds none is
// listed as not yet located (未采集位置).
import { evidenceKind, parseLocation, type FieldIndex, type Location } from '@engine';

export interface PositionSource {
  id: string;
  householdId: string | null;
  headName: string;
  formVersion: number;
  data: Record<string, unknown>;
}

export interface Placed {
  submissionId: string;
  householdId: string | null;
  headName: string;
  /** The title of the field the position came from. */
  field: string;
  location: Location;
}

export interface VillagePositions {
  placed: Placed[];
  unplaced: { submissionId: string; headName: string }[];
}

/** `indexOf`: the field index of a version of the form. Submissions newest first. */
export function villagePositions(submissions: readonly PositionSource[], indexOf: (version: number) => FieldIndex): VillagePositions {
  const out: VillagePositions = { placed: [], unplaced: [] };
  const seen = new Set<string>();
  for (const s of submissions) {
    const household = s.householdId ?? `submission:${s.id}`;
    if (seen.has(household)) continue;
    seen.add(household);
    const index = indexOf(s.formVersion);
    const found = index.topLevel
      .map((key) => index.fields.get(key)!)
      .filter((f) => evidenceKind(f.schema) === 'location')
      .map((f) => ({ field: f.title, location: typeof s.data[f.key] === 'string' ? parseLocation(s.data[f.key] as string) : null }))
      .find((f) => f.location !== null);
    if (found) out.placed.push({ submissionId: s.id, householdId: s.householdId, headName: s.headName, field: found.field, location: found.location! });
    else out.unplaced.push({ submissionId: s.id, headName: s.headName });
  }
  return out;
}

/** Whether a form version has a location field at all. */
export function hasLocationField(index: FieldIndex): boolean {
  return index.topLevel.some((key) => evidenceKind(index.fields.get(key)!.schema) === 'location');
}
