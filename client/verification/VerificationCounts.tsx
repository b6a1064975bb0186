// The counts of a list of households to verify: per source, how many wait, how long the oldest
// has waited, and how many were included or closed. Officers' and reviewers' pages show the same.
import { VERIFICATION_SOURCE_LABELS, VERIFICATION_STATE_LABELS } from '@engine';
import type { VerificationCount } from '@engine/contract';

const DAY = 24 * 60 * 60 * 1000;
const SOURCES = Object.keys(VERIFICATION_SOURCE_LABELS) as (keyof typeof VERIFICATION_SOURCE_LABELS)[];
const STATES = Object.keys(VERIFICATION_STATE_LABELS) as (keyof typeof VERIFICATION_STATE_LABELS)[];

export function VerificationCounts({ counts, now = new Date() }: { counts: VerificationCount[]; now?: Date }) {
  const count = (source: string, state: string) => counts.find((c) => c.source === source && c.state === state);
  const oldestDays = (source: string) => {
    const open = count(source, 'open');
    return open ? Math.max(0, Math.floor((now.getTime() - Date.parse(open.oldest)) / DAY)) : null;
  };
  return (
    <table className="verification-counts">
      <caption>按来源计数</caption>
      <thead>
        <tr><th scope="col">来源</th>{STATES.map((s) => <th key={s} scope="col">{VERIFICATION_STATE_LABELS[s]}</th>)}<th scope="col">待核查最久</th></tr>
      </thead>
      <tbody>
        {SOURCES.map((source) => (
          <tr key={source}>
            <th scope="row">{VERIFICATION_SOURCE_LABELS[source]}</th>
            {STATES.map((s) => <td key={s}>{count(source, s)?.count ?? 0}</td>)}
            <td>{oldestDays(source) === null ? '—' : `${oldestDays(source)} 天`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
