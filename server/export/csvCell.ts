// What one text cell of a CSV export says, so that a double-click in Excel, WPS or LibreOffice
// opens it as it was typed. A spreadsheet guesses each CSV cell's type: digits become a number,
// which drops a phone's leading zero (02349112233 → 2349112233) and, past 15 digits, an ID
// number's last digits (500118196804120636 → 5.00118196804121E+17); saved again, the file keeps
// the damage. There is no CSV syntax for "this is text" that all three honour, except a formula
// whose result is the text: ="500118196804120636" (the writer quotes it: "=""5001…""").
//
// Only digit strings a spreadsheet would change are written so: a leading zero, or 12 digits
// and more (Excel shows those as 5.00118E+11 and saves them so). Shorter digits read back as
// the same number, and IDs ending in X are text already, so those stay plain for the programs
// that read the file.
//
// Safe against formula injection: the only formulas this writes are a string constant made of
// digits alone, which cannot close its quotes, call a function or reach another cell; every other
// text is neutralised as before (neutraliseFormula).
import { neutraliseFormula, type Cell } from './neutraliseFormula';

const MANGLED_DIGITS = /^(0\d+|\d{12,})$/;

export function csvCell(cell: Cell): Cell {
  if (typeof cell !== 'string') return cell;
  return MANGLED_DIGITS.test(cell) ? `="${cell}"` : neutraliseFormula(cell);
}
