// The reviewer's area beside the table: township > villages, each with how many rows the other
// filters leave there; choosing a node narrows the table (or progress, or data quality) to it.
// Townships open and close; the one holding the choice stays open.
import { useState } from 'react';
import { t } from '../../i18n/tReviewer';
import type { DivisionNode } from './buildDivisionTree';

interface Props {
  roots: DivisionNode[];
  selected: string | undefined;
  onSelect(code: string | undefined): void;
  counts?: Map<string, number>;
}

function Node({ node, depth, selected, onSelect, counts, open, toggle }: Omit<Props, 'roots'> & { node: DivisionNode; depth: number; open: Set<string>; toggle(code: string): void }) {
  const expanded = depth === 0 || open.has(node.code) || (selected?.startsWith(node.code) === true && selected !== node.code);
  const count = counts?.get(node.code);
  return (
    <li>
      <div className={`rv-tree-row${selected === node.code ? ' chosen' : ''}`} style={{ paddingLeft: depth * 14 }}>
        {node.children.length > 0 && depth > 0 ? (
          <button type="button" className="rv-tree-toggle" aria-expanded={expanded} aria-label={`${expanded ? '收起' : '展开'}${node.name}`} onClick={() => toggle(node.code)}>
            {expanded ? '▾' : '▸'}
          </button>
        ) : <span className="rv-tree-toggle" aria-hidden="true" />}
        <button type="button" className="rv-tree-node" aria-current={selected === node.code ? 'true' : undefined} onClick={() => onSelect(node.code)}>
          {node.name}
          {count !== undefined ? <span className="rv-count"> {count}</span> : null}
        </button>
      </div>
      {expanded && node.children.length > 0 ? (
        <ul>
          {node.children.map((child) => (
            <Node key={child.code} node={child} depth={depth + 1} selected={selected} onSelect={onSelect} counts={counts} open={open} toggle={toggle} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function DivisionTree({ roots, selected, onSelect, counts }: Props) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (code: string) => setOpen((before) => {
    const next = new Set(before);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    return next;
  });
  const total = roots.reduce((sum, r) => sum + (counts?.get(r.code) ?? 0), 0);
  return (
    <nav className="rv-tree" aria-label={t('rv_area')}>
      <div className={`rv-tree-row${selected === undefined ? ' chosen' : ''}`}>
        <button type="button" className="rv-tree-node" aria-current={selected === undefined ? 'true' : undefined} onClick={() => onSelect(undefined)}>
          {t('rv_myArea')}
          {counts ? <span className="rv-count"> {total}</span> : null}
        </button>
      </div>
      <ul>
        {roots.map((root) => <Node key={root.code} node={root} depth={0} selected={selected} onSelect={onSelect} counts={counts} open={open} toggle={toggle} />)}
      </ul>
    </nav>
  );
}
