// Picks division codes from the division tree: a checked township covers its villages (shown
// checked, not separately chosen), a search narrows the tree by name or code, and the chosen
// ones are listed by their full names. Used for a user's scope and a campaign's coverage. Only
// registered divisions can be picked; with none registered it points to the 行政区划 page.
import { useMemo, useState } from 'react';
import type { Division } from '../../../api/types';
import { Link } from '../../../app/router';
import { t } from '../../../i18n/tAdmin';
import { buildDivisionTree, divisionPath, withoutCovered, type DivisionNode } from './divisionTree';

interface Props {
  divisions: Division[];
  value: string[];
  onChange(codes: string[]): void;
  /** What an empty choice means ("全部地区"), shown when nothing is chosen. */
  emptyLabel?: string;
  id?: string;
}

function matches(node: DivisionNode, query: string): boolean {
  return node.division.name.includes(query) || node.division.code.startsWith(query) || node.children.some((c) => matches(c, query));
}

export function DivisionPicker({ divisions, value, onChange, emptyLabel, id }: Props) {
  const tree = useMemo(() => buildDivisionTree(divisions), [divisions]);
  const [query, setQuery] = useState('');
  // Province, city and county open by default; the administrator opens or closes the rest.
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const toggle = (code: string, checked: boolean) => {
    onChange(checked ? withoutCovered([...value.filter((c) => !c.startsWith(code)), code]) : value.filter((c) => c !== code));
  };
  const render = (nodes: DivisionNode[], depth: number) => (
    <ul className={depth === 0 ? 'division-tree' : undefined}>
      {nodes.filter((n) => !query || matches(n, query)).map((node) => {
        const code = node.division.code;
        const covered = value.some((c) => c !== code && code.startsWith(c));
        const expanded = query !== '' || (depth < 3) !== toggled.has(code);
        return (
          <li key={code}>
            {node.children.length > 0 ? (
              <button type="button" className="tree-toggle" aria-expanded={expanded} aria-label={t(expanded ? 'ad_collapse' : 'ad_expand', { name: node.division.name })}
                onClick={() => setToggled((s) => { const next = new Set(s); if (next.has(code)) next.delete(code); else next.add(code); return next; })}>
                {expanded ? '▾' : '▸'}
              </button>
            ) : <span className="tree-toggle" />}
            <label>
              <input type="checkbox" checked={covered || value.includes(code)} disabled={covered} onChange={(e) => toggle(code, e.target.checked)} />
              {node.division.name} <span className="muted">{code}</span>
            </label>
            {expanded && node.children.length > 0 ? render(node.children, depth + 1) : null}
          </li>
        );
      })}
    </ul>
  );
  return (
    <div className="division-picker" id={id}>
      <div className="chosen-divisions" aria-live="polite">
        {value.length === 0 ? <span className="muted">{emptyLabel ?? t('ad_noDivision')}</span> : value.map((code) => (
          <span key={code} className="chip">
            {divisionPath(code, divisions)}
            <button type="button" className="link" aria-label={t('ad_removeDivision', { name: divisionPath(code, divisions) })} onClick={() => toggle(code, false)}>×</button>
          </span>
        ))}
      </div>
      {divisions.length === 0 ? (
        <p className="field-note"><Link to="/admin/divisions">{t('dv_noRegisteredForScope')}</Link></p>
      ) : (
        <>
          <input type="search" placeholder={t('ad_searchDivision')} aria-label={t('ad_searchDivision')} value={query} onChange={(e) => setQuery(e.target.value.trim())} />
          {render(tree, 0)}
        </>
      )}
    </div>
  );
}
