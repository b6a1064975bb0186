// What every part of the builder shares: the draft definition and the one way to change it (a
// clone edited, so each change is a new value React can compare), the field index and formula
// scopes built from it, the checker's problems by part, the selection, and the formulas that do
// not compile yet (saving waits until they do).
import { createContext, useContext } from 'react';
import type { DefinitionProblem, FieldIndex, FormDefinition, FormulaScope, FormulaType } from '@engine';

export type Selection = { kind: 'form' } | { kind: 'section'; id: string } | { kind: 'field'; key: string };

export interface BuilderValue {
  definition: FormDefinition;
  /** Applies an edit to a clone of the draft, at once, and returns what the edit returns. */
  change<T>(edit: (draft: FormDefinition) => T): T;
  index: FieldIndex;
  /** The scope a formula is written in: a column's rules read their row. */
  scope(table: string | null, expect?: FormulaType): FormulaScope;
  problems: Map<string, DefinitionProblem[]>;
  selection: Selection;
  select(selection: Selection): void;
  /** A formula input says whether its text compiles (id: where it is). */
  reportFormula(id: string, broken: boolean): void;
}

export const BuilderContext = createContext<BuilderValue | null>(null);

export function useBuilder(): BuilderValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error('useBuilder needs a BuilderContext');
  return value;
}
