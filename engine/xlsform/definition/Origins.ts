// Where each part of an imported definition came from in the workbook, so that a problem the
// definition checker reports at a JSON Pointer ("/rules/validations/3/assert") is shown at the
// sheet, row and column the administrator wrote it in.
import type { WorkbookProblem } from './workbook';

export interface Origin {
  sheet: string;
  row: number;
  column: string;
}

export class Origins {
  private readonly byPointer = new Map<string, Origin>();

  add(pointer: string, sheet: string, row: number, column: string): void {
    this.byPointer.set(pointer, { sheet, row, column });
  }

  /** The origin of the longest recorded prefix of a pointer, or null. */
  locate(pointer: string): Origin | null {
    for (let at = pointer; at.length > 0; at = at.slice(0, Math.max(0, at.lastIndexOf('/')))) {
      const found = this.byPointer.get(at);
      if (found) return found;
    }
    return null;
  }

  /** A definition checker's problem as a workbook problem. */
  problemAt(pointer: string, message: string, severity: 'error' | 'warning', fallbackSheet: string): WorkbookProblem {
    const origin = this.locate(pointer);
    return origin
      ? { sheet: origin.sheet, row: origin.row, column: origin.column, message: `${message}（定义中的位置 ${pointer}）`, severity }
      : { sheet: fallbackSheet, row: null, column: null, message: `${pointer || '/'} ${message}`, severity };
  }
}
