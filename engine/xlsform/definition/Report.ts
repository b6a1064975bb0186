// Collects what an import finds, by sheet, row and column, in Chinese.
import type { WorkbookProblem } from './workbook';

export class Report {
  readonly problems: WorkbookProblem[] = [];

  error(sheet: string, row: number | null, column: string | null, message: string): void {
    this.problems.push({ sheet, row, column, message, severity: 'error' });
  }

  warning(sheet: string, row: number | null, column: string | null, message: string): void {
    this.problems.push({ sheet, row, column, message, severity: 'warning' });
  }

  get failed(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }
}
