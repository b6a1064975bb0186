// Which registry households a filter selects (the households as `h`): one definition for both
// stores' household lists; the missing households of the progress report are another such condition.
import type { Expression, ExpressionBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { HouseholdFilter } from '../Store';
import { inArea } from './inScope';
import type { QueryDialect } from './QueryDialect';
import type { HouseholdsTable, StoreTables } from './StoreTables';

export type HouseholdCondition = (eb: ExpressionBuilder<StoreTables & { h: HouseholdsTable }, 'h'>) => Expression<SqlBool>;

export function householdFilter(dialect: QueryDialect, filter: HouseholdFilter): HouseholdCondition {
  return (eb) => {
    const conditions = [inArea(eb, eb.ref('h.division_code'), filter)];
    if (filter.kind) conditions.push(eb('h.kind', '=', filter.kind));
    if (filter.kinds?.length) conditions.push(eb('h.kind', 'in', filter.kinds));
    if (filter.q) {
      const q = filter.q;
      conditions.push(eb.or([
        dialect.contains(eb.ref('h.head_name'), q), eb('h.head_id_number', '=', q),
        eb.exists(eb.selectFrom('household_members as m').select('m.position').whereRef('m.household_id', '=', 'h.id')
          .where((m) => m.or([m('m.id_number', '=', q), m('m.name', '=', q)]))),
      ]));
    }
    return eb.and(conditions);
  };
}

/** The registry's order: village, head name, then id. */
export const inHouseholdOrder = <O>(qb: SelectQueryBuilder<StoreTables & { h: HouseholdsTable }, 'h', O>) =>
  qb.orderBy('h.division_code').orderBy('h.head_name').orderBy('h.id');
