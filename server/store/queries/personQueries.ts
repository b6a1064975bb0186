// Who an imported warning row may be: registered members by ID number, or by name within a
// village, with their household. One definition for both stores.
import type { PersonQuery } from '../householdWarning';
import type { QueryDialect } from './QueryDialect';

export function personQuery(q: QueryDialect, query: PersonQuery) {
  return q.db.selectFrom('household_members as m').innerJoin('households as h', 'h.id', 'm.household_id')
    .select(['m.household_id as householdId', 'h.division_code as divisionCode', 'h.head_name as headName', 'm.name as name', 'm.id_number as idNumber'])
    .where((eb) => eb.or([
      ...(query.idNumbers.length ? [eb('m.id_number', 'in', query.idNumbers)] : []),
      ...query.names.map((n) => eb.and([eb('h.division_code', '=', n.divisionCode), eb('m.name', '=', n.name)])),
    ]))
    .orderBy('h.division_code').orderBy('m.household_id').orderBy('m.position');
}

export function warningsOfHouseholdQuery(q: QueryDialect, householdId: string) {
  return q.db.selectFrom('household_warnings').selectAll().where('household_id', '=', householdId).orderBy('list_date', 'desc').orderBy('id');
}
