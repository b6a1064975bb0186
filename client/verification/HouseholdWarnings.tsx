// A household's warnings from departments' lists (行业部门筛查预警), on its page for its officer
// and in the reviewer's household panel: which department, the list's date, who and why. Shown
// only when there are some; read from the server (without signal, nothing is shown).
import type { HouseholdWarning } from '@engine/contract';
import { api } from '../api/http';
import { maskIdNumber } from '../components/maskIdNumber';
import { useLoad } from '../components/useLoad';

export function HouseholdWarnings({ householdId }: { householdId: string }) {
  const warnings = useLoad(() => api<{ items: HouseholdWarning[] }>('GET', `/api/households/${encodeURIComponent(householdId)}/warnings`), [householdId]);
  const items = warnings.value?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="panel household-warnings">
      <h2>部门预警（{items.length}）</h2>
      <ul>
        {items.map((w) => (
          <li key={w.id}>
            <strong>{w.department}</strong>（{w.listDate}）· {w.name}{w.idNumber ? ` ${maskIdNumber(w.idNumber)}` : ''}：{w.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
