// The history of the registered divisions, newest first: imports from the official list, new
// villages, new names, merges (with the households moved) and removals.
import type { Division } from '../../../api/types';
import { t } from '../../../i18n/tAdmin';
import type { DivisionChange } from './divisionsApi';

function detail(change: DivisionChange): string {
  if (change.action === 'rename' && change.previousName) return t('dv_renamedFrom', { name: change.previousName });
  if (change.action === 'merge') return t('dv_mergedInto', { code: change.targetCode ?? '', n: change.count ?? 0 });
  return change.note ?? '';
}

export function ChangeList({ changes, divisions }: { changes: DivisionChange[]; divisions: Division[] }) {
  if (changes.length === 0) return <p className="muted">{t('dv_noChanges')}</p>;
  const names = new Map(divisions.map((d) => [d.code, d.name]));
  return (
    <table className="admin-table">
      <thead><tr><th>{t('dv_when')}</th><th>{t('dv_what')}</th><th>{t('dv_division')}</th><th /></tr></thead>
      <tbody>
        {[...changes].reverse().slice(0, 100).map((c) => (
          <tr key={c.id}>
            <td>{new Date(c.at).toLocaleString('zh-CN')}</td>
            <td>{t(`dv_action_${c.action}`)}</td>
            <td>{c.name} <span className="muted">{c.code}</span></td>
            <td>{c.action === 'merge' && c.targetCode && names.has(c.targetCode) ? `${detail(c)}（${names.get(c.targetCode)}）` : detail(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
