// The engine's limits on what it is handed and what it produces, in one place. Everything is
// measured before any recursive walk (measureJson is iterative), so no input, however deep or
// large, can overflow the stack or make an evaluation unbounded. Sizes count characters of the
// value's JSON text (a Chinese character counts 1).

/**
 * Nesting of a whole definition: above what a rule within its own cap reaches (an operation and its
 * argument list are two levels, rules sit 4 in), so such a rule gets checkRuleSyntax's precise
 * message; shipped forms reach 20.
 */
export const MAX_DEFINITION_DEPTH = 128;
/** Values in a whole definition (shipped forms have fewer than 1,500). */
export const MAX_DEFINITION_NODES = 200_000;
/** Nesting of a form's fields inside each other (a $ref that points into itself stops here). */
export const MAX_FIELD_DEPTH = 12;

/** Nesting of submitted data (a table's cell sits 3 deep). */
export const MAX_DATA_DEPTH = 32;
/** Values in submitted data (a household of ten on the largest form has about 300). */
export const MAX_DATA_NODES = 100_000;
/** Size of submitted data, as JSON characters (a household of ten on the largest form: about 10 KB). */
export const MAX_SUBMISSION_SIZE = 256 * 1024;
/**
 * Size of all computed values of one evaluation together, as JSON characters: a computed value
 * past it is dropped with an issue, and checkDefinition refuses rules whose values could pass it.
 */
export const MAX_COMPUTED_SIZE = 256 * 1024;
/** Size of any value a rule builds on the way (a list mapped from a table, a joined text): cat and merge stop past it. */
export const MAX_INTERMEDIATE_SIZE = 4 * 1024 * 1024;
/** Length of a campaign's text parameter, so rules reading it stay bounded. */
export const MAX_PARAMETER_LENGTH = 200;

/** The code of the issue for data past a limit: not evaluated, so not to be stored even as a draft. */
export const LIMIT_ISSUE_CODE = 'limit';
/** The code of the issue for a computed value dropped past the budget. */
export const BUDGET_ISSUE_CODE = 'budget';
