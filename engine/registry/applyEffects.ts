// What an approved submission changes in the household registry, computed purely from the
// definition's declared effects: set fields (creating the household for an identification),
// add, replace or remove members. Returns a new household; the server stores it. Only declared
// household and member fields are written, and form values are read as own properties only.
import { MAX_COMPUTED_SIZE } from '../budget/limits';
import { plainJson } from '../budget/plainJson';
import { run } from '../evaluate';
import { compileRule, type CompiledRule, type RootScope } from '../rules/compileRule';
import { ownValue } from '../ownValue';
import { truthy } from '../rules/truthy';
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from './householdFields';
import type { Effect, FormData, FormDefinition, Household, Member } from '../types';

export interface EffectOutcome {
  /** The household after the effects, or null when there is none and none was created. */
  household: Household | null;
  created: boolean;
  /** Chinese, one line per change, for the history. */
  changes: string[];
}

function rowsOf(data: FormData, table: string): Record<string, unknown>[] {
  const rows = data[table];
  return Array.isArray(rows) ? rows.filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object') : [];
}

function memberFrom(row: Record<string, unknown>, columns: Record<string, string>): Member {
  const member: Record<string, unknown> = {};
  for (const [memberField, column] of Object.entries(columns)) {
    const value = ownValue(row, column);
    if (value !== undefined && Object.hasOwn(MEMBER_FIELDS, memberField)) member[memberField] = value;
  }
  return member as Member;
}

function emptyHousehold(): Household {
  return { divisionCode: '', headName: '', headIdNumber: '', members: [] };
}

const compiled = new WeakMap<object, CompiledRule>();

/** A rule of an effect, compiled once (definitions are immutable once published). */
function ruleOf(rule: unknown): CompiledRule {
  if (rule === null || typeof rule !== 'object') return compileRule(rule);
  let fn = compiled.get(rule);
  if (!fn) {
    fn = compileRule(rule);
    compiled.set(rule, fn);
  }
  return fn;
}

function applyOne(effect: Effect, household: Household | null, data: FormData, scope: RootScope, outcome: EffectOutcome): Household | null {
  switch (effect.type) {
    case 'setFields': {
      if (effect.when !== undefined && !truthy(run(ruleOf(effect.when), scope))) return household;
      let target = household;
      if (!target) {
        if (!effect.createIfMissing) return household;
        target = emptyHousehold();
        outcome.created = true;
        outcome.changes.push('新建农户');
      }
      const next: Record<string, unknown> = { ...target };
      for (const [field, rule] of Object.entries(effect.set)) {
        if (!Object.hasOwn(HOUSEHOLD_FIELDS, field)) continue;
        // Stored as evaluation stores a computed value: plain JSON within the budget, else not at all.
        const { value } = plainJson(run(ruleOf(rule), scope), MAX_COMPUTED_SIZE);
        if (value === undefined) continue;
        if (next[field] !== value) outcome.changes.push(`${field}：${String(next[field] ?? '（空）')} → ${String(value)}`);
        next[field] = value;
      }
      return next as unknown as Household;
    }
    case 'addMembers':
    case 'replaceMembers': {
      if (!household) return household;
      const rowWhen = effect.rowWhen === undefined ? null : ruleOf(effect.rowWhen);
      const incoming = rowsOf(data, effect.from)
        .filter((row) => rowWhen === null || truthy(run(rowWhen, { ...scope, row })))
        .map((row) => memberFrom(row, effect.columns));
      if (effect.type === 'replaceMembers') {
        outcome.changes.push(`家庭成员更新为 ${incoming.length} 人`);
        return { ...household, members: incoming };
      }
      const known = new Set(household.members.map((m) => m.idNumber));
      const added = incoming.filter((m) => !known.has(m.idNumber));
      for (const m of added) outcome.changes.push(`增加家庭成员 ${m.name}（${m.idNumber}）${m.addReason ? `，原因 ${m.addReason}` : ''}`);
      return { ...household, members: [...household.members, ...added] };
    }
    case 'removeMembers': {
      if (!household) return household;
      const removals = new Map(rowsOf(data, effect.from).map((row) => [ownValue(row, effect.idColumn), ownValue(row, effect.reasonColumn)]));
      const removed = household.members.filter((m) => removals.has(m.idNumber));
      for (const m of removed) outcome.changes.push(`减少家庭成员 ${m.name}（${m.idNumber}），原因 ${String(removals.get(m.idNumber))}`);
      return {
        ...household,
        members: household.members.filter((m) => !removals.has(m.idNumber)),
        removedMembers: [
          ...(household.removedMembers ?? []),
          ...removed.map((m) => ({ ...m, reason: String(removals.get(m.idNumber)), removedMonth: String(scope.approval?.month ?? '') })),
        ],
      };
    }
  }
}

export function applyEffects(
  definition: FormDefinition,
  data: FormData,
  household: Household | null,
  approval: { month: string },
  params?: { [name: string]: unknown },
): EffectOutcome {
  const outcome: EffectOutcome = { household, created: false, changes: [] };
  const scope: RootScope = { data, params, household: household ?? undefined, row: undefined, approval };
  let current = household;
  for (const effect of definition.registry?.effects ?? []) {
    current = applyOne(effect, current, data, scope, outcome);
    scope.household = current ?? undefined;
  }
  outcome.household = current;
  return outcome;
}
