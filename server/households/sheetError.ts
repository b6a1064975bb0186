// A file the import cannot read at all (not a spreadsheet, broken, empty): its message, in
// Chinese, is what the administrator reads in the 400.
export class SheetError extends Error {}
