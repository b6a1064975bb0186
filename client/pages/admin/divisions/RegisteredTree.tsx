// The registered divisions as a tree with each one's households (a village's own, summed up the
// tree), provinces to counties open at first. A division with no household can be removed (one
// registered by mistake) after a confirmation; the server still refuses one that holds
// submissions or is a user's area, and says why.
import { useMemo, useState } from 'react';
import type { Division } from '../../../api/types';
import { t } from '../../../i18n/tAdmin';
import { buildDivisionTree, type DivisionNode } from '../components/divisionTree';
import { ActionMessage, useAction } from '../components/useAction';
import { divisionsApi } from './divisionsApi';

const PREFIXES = [2, 4, 6, 9, 12];

/** Households under each code: every village's count added to each of its ancestors. */
function totals(counts: { divisionCode: string; count: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { divisionCode, count } of counts) {
    for (const n of PREFIXES.filter((n) => n <= divisionCode.length)) {
      const code = divisionCode.slice(0, n);
      out.set(code, (out.get(code) ?? 0) + count);
    }
  }
  return out;
}

const below = (node: DivisionNode): number => node.children.reduce((n, c) => n + 1 + below(c), 0);

interface Props {
  divisions: Division[];
  counts: { divisionCode: string; count: number }[];
  onChanged(): void;
}

export function RegisteredTree({ divisions, counts, onChanged }: Props) {
  const tree = useMemo(() => buildDivisionTree(divisions), [divisions]);
  const households = useMemo(() => totals(counts), [counts]);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<string | null>(null);
  const action = useAction();
  const remove = async (node: DivisionNode) => {
    setConfirming(null);
    const done = await action.run(() => divisionsApi.remove(node.division.code), (r) => t('dv_deleted', { name: r.name, n: r.removed }));
    if (done) onChanged();
  };
  const render = (nodes: DivisionNode[], depth: number) => (
    <ul className={depth === 0 ? 'division-tree registered-tree' : undefined}>
      {nodes.map((node) => {
        const { code, name } = node.division;
        const expanded = (depth < 3) !== toggled.has(code);
        const count = households.get(code) ?? 0;
        return (
          <li key={code}>
            {node.children.length > 0 ? (
              <button type="button" className="tree-toggle" aria-expanded={expanded} aria-label={t(expanded ? 'dv_collapse' : 'dv_expand', { name })}
                onClick={() => setToggled((s) => { const next = new Set(s); if (next.has(code)) next.delete(code); else next.add(code); return next; })}>
                {expanded ? '▾' : '▸'}
              </button>
            ) : <span className="tree-toggle" />}
            <span className="division-name">{name}</span> <span className="muted">{code}</span>{' '}
            <span className={count ? 'household-count' : 'muted'}>{t('dv_households', { n: count })}</span>
            {count === 0 ? (
              confirming === code ? (
                // biome-ignore lint/a11y/useSemanticElements: an inline question and its two buttons inside a tree line (a span); a fieldset cannot sit in a line of text.
                <span className="inline-confirm" role="group" aria-label={t('dv_confirmDelete', { name, n: below(node) })}>
                  {t('dv_confirmDelete', { name, n: below(node) })}
                  <button type="button" className="danger" onClick={() => void remove(node)}>{t('dv_confirm')}</button>
                  <button type="button" onClick={() => setConfirming(null)}>{t('dv_cancel')}</button>
                </span>
              ) : (
                <button type="button" className="link" aria-label={`${t('dv_delete')} ${name}`} disabled={action.busy} onClick={() => setConfirming(code)}>{t('dv_delete')}</button>
              )
            ) : null}
            {expanded && node.children.length > 0 ? render(node.children, depth + 1) : null}
          </li>
        );
      })}
    </ul>
  );
  return (
    <>
      <ActionMessage action={action} />
      {tree.length === 0 ? <p className="muted">{t('dv_noneRegistered')}</p> : render(tree, 0)}
    </>
  );
}
