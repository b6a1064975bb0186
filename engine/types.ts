// The complete contract between a form definition, the engine and its callers (server, client,
// authoring tools). Everything here is plain JSON-shaped data so it crosses the network as is.
// This module declares types only: no behaviour, no imports from Node or the DOM.

/** A JSON-Logic expression as written by an administrator (any JSON value). */
export type JsonLogic = unknown;

/** A JSON Schema object (draft-07, as rjsf and ajv read it). */
export type JsonSchema = { [keyword: string]: unknown };

/** The data of one filled form: field codes to values. */
export type FormData = { [field: string]: unknown };

export type Severity = 'error' | 'warning';

/**
 * One problem found in filled data: the same shape from the engine, in the server's 422 and in
 * the client's form.
 */
export interface Issue {
  /** JSON Pointer to the value: "/A28", "/members/2/A7". */
  path: string;
  /** The field code the problem belongs to: "A28", "A7". */
  field: string;
  /** What kind of problem: a JSON Schema keyword ("required", "minimum", "format") or "rule:<id>". */
  code: string;
  /** Chinese, naming the field: "A28 工资性收入（元）不能小于 0". */
  message: string;
  severity: Severity;
}

/** A campaign parameter a form's rules refer to as {"var": "$params.<name>"}. */
export interface ParameterDeclaration {
  title: string;
  type: 'number' | 'string' | 'date' | 'year-month';
  description?: string;
}

/** A group of top-level fields shown together, titled as the seed prints it ("五、收支情况"). */
export interface Section {
  id: string;
  title: string;
  description?: string;
  fields: string[];
}

/** Show a field (dotted key, "A2" or "members.A16") or a whole section only when `when` holds. */
export interface VisibilityRule {
  field?: string;
  section?: string;
  when: JsonLogic;
}

/** A read-only field recomputed from others on every evaluation; client values are ignored. */
export interface ComputedRule {
  field: string;
  value: JsonLogic;
}

/** A cross-field check: when `when` holds (default: always), `assert` must hold. */
export interface ValidationRule {
  id: string;
  field: string;
  when?: JsonLogic;
  assert: JsonLogic;
  /** Chinese, naming the field. "{{A34}}" and "{{$params.incomeLine}}" are replaced by values. */
  message: string;
  severity?: Severity;
}

export interface FormRules {
  visibility?: VisibilityRule[];
  computed?: ComputedRule[];
  validations?: ValidationRule[];
}

/** Household field -> form field: a new submission for a household starts with these values. */
export interface PrefillMapping {
  /** Form field key (top-level, or a table for `columns`). */
  field: string;
  /** Household field: "headName", "address", "members"... (see householdFields). */
  from: string;
  /** For a table: form column -> member field. */
  columns?: { [column: string]: string };
  /** "过录指标，只需核实": the officer verifies the registry value or corrects it. */
  verify?: boolean;
}

/** Set household fields from expressions over the approved data ($approval.month is known). */
export interface SetFieldsEffect {
  type: 'setFields';
  when?: JsonLogic;
  set: { [householdField: string]: JsonLogic };
  /** A household is created when the submission has none (identification forms). */
  createIfMissing?: boolean;
}

/** Add a form table's rows as household members; columns map member field -> form column. */
export interface AddMembersEffect {
  type: 'addMembers';
  from: string;
  columns: { [memberField: string]: string };
  /** Only the rows for which this holds ($row is the row): persons the form does not count. */
  rowWhen?: JsonLogic;
}

/** Replace the household's members by a form table's rows (an identification's member list). */
export interface ReplaceMembersEffect {
  type: 'replaceMembers';
  from: string;
  columns: { [memberField: string]: string };
  /** Only the rows for which this holds ($row is the row): persons the form does not count. */
  rowWhen?: JsonLogic;
}

/** Remove the members named in a form table, keeping the reason in the household's history. */
export interface RemoveMembersEffect {
  type: 'removeMembers';
  from: string;
  /** Form column holding the removed member's ID number, matched against members' idNumber. */
  idColumn: string;
  /** Form column holding the removal reason code. */
  reasonColumn: string;
}

export type Effect = SetFieldsEffect | AddMembersEffect | ReplaceMembersEffect | RemoveMembersEffect;

export interface RegistryHooks {
  prefill?: PrefillMapping[];
  effects?: Effect[];
}

/** One level of review: a reviewer whose scope code has this many digits acts at this level. */
export interface ReviewLevel {
  id: string;
  title: string;
  divisionDigits: 2 | 4 | 6 | 9 | 12;
}

/**
 * A submission that must be approved finally at a given level whatever the usual chain, when
 * its data says so (a 不纳入情形 the officer gives a reason to continue past: the county decides).
 */
export interface ReviewEscalation {
  id: string;
  /** JSON-Logic on the submitted data only: when it holds, the chain ends at `level`. */
  when: JsonLogic;
  /** The level that gives the final approval; levels of the usual chain at or above it are left out. */
  level: ReviewLevel;
  /** Why, shown to reviewers and officers ("存在原则上不得纳入的情形，说明理由继续纳入：须县级确定"). */
  reason: string;
}

export interface ReviewPolicy {
  /** In order: village collects (the officer), then each level approves in turn. */
  levels: ReviewLevel[];
  /** At most one submission per household and campaign. */
  onePerHousehold?: boolean;
  /** Submissions whose data calls for a final approval at a set level (see ReviewEscalation). */
  escalations?: ReviewEscalation[];
}

/** A form, entirely data: the engine renders, computes and validates any such definition. */
export interface FormDefinition {
  /** Stable id: lower-case letters, digits and dashes ("monitoring-object"). */
  id: string;
  title: string;
  description?: string;
  /** Where the form comes from: "000 附件4；004 附件1". */
  source?: string;
  /** The form may be filled without a registry household: its approval creates one (identification). */
  createsHousehold?: boolean;
  /** Campaign parameters the rules refer to; each campaign using the form supplies them. */
  parameters?: { [name: string]: ParameterDeclaration };
  schema: JsonSchema;
  uiSchema?: { [key: string]: unknown };
  sections?: Section[];
  rules?: FormRules;
  registry?: RegistryHooks;
  review?: ReviewPolicy;
  /** Which registry households are expected to fill the form in a campaign (progress reports). */
  appliesTo?: Audience;
  /**
   * The definition's texts in other languages: language code ("en", "ug") -> text key
   * ("field:A28.title", see engine/i18n/textKeys.ts) -> text. The definition's own texts are
   * Chinese ("zh"), the default; a text without a translation is shown in Chinese.
   */
  translations?: Translations;
}

/** Language code -> text key -> translated text (FormDefinition.translations). */
export type Translations = { [language: string]: { [textKey: string]: string } };

/**
 * The registry households a form is expected of: those whose kind is listed. A form without it
 * (identification, member changes) is filled only where something happened, so nothing is
 * "missing" for it.
 */
export interface Audience {
  kinds: HouseholdKind[];
}

/** A campaign: which forms are filled, with which parameter values. */
export interface Campaign {
  id: string;
  title: string;
  year: number;
  description?: string;
  parameters: { [name: string]: unknown };
  forms: string[];
}

export type HouseholdKind = '脱贫户' | '一般农户' | '脱贫不稳定户' | '边缘易致贫户' | '突发严重困难户';

/** A household member as the registry keeps it (see householdFields for every attribute). */
export interface Member {
  name: string;
  idNumber: string;
  relation?: string;
  gender?: string;
  [attribute: string]: unknown;
}

/** A household from the registry, as rules see it through {"var": "$household.<field>"}. */
export interface Household {
  id?: string;
  divisionCode: string;
  headName: string;
  headIdNumber: string;
  phone?: string;
  address?: string;
  kind?: HouseholdKind;
  /** Year-month the household was identified as a monitoring object. */
  identifiedMonth?: string;
  /** Year-month its risk was marked eliminated. */
  riskEliminatedMonth?: string;
  /** 帮扶消除 or 自然消除. */
  riskEliminationMethod?: string;
  mainRisk?: string;
  members: Member[];
  removedMembers?: (Member & { reason: string; removedMonth?: string })[];
}

/** What an evaluation knows beyond the data: the campaign's parameters and the household. */
export interface EvaluationContext {
  params?: { [name: string]: unknown };
  household?: Household | null;
}

export interface EvaluationResult {
  /** The data with computed values filled in, hidden values and unknown keys dropped. */
  data: FormData;
  /** JSON Pointers of hidden fields ("/A2", "/members/1/A16"). */
  hidden: string[];
  /** Ids of hidden sections. */
  hiddenSections: string[];
  errors: Issue[];
  warnings: Issue[];
  /** No errors (warnings allowed). */
  valid: boolean;
}

/** A problem in a definition: the author's error, reported before anyone fills the form. */
export interface DefinitionProblem {
  /** JSON Pointer into the definition: "/rules/computed/3/value". */
  path: string;
  message: string;
  severity: Severity;
}

/** An example household with what must come out of the engine (administrators' test cases). */
export interface FormCase {
  name: string;
  params?: { [name: string]: unknown };
  household?: Household | null;
  data: FormData;
  expect: {
    /** Exactly no errors (true) or at least one (false). */
    valid?: boolean;
    /** Values at JSON Pointers after evaluation (computed values, dropped hidden values: null). */
    values?: { [pointer: string]: unknown };
    /** Issues that must be reported: at that path (and field/code/message fragment when given). */
    errors?: { path: string; code?: string; messageIncludes?: string }[];
    warnings?: { path: string; code?: string; messageIncludes?: string }[];
    /** Issues that must not be reported at these paths. */
    noIssuesAt?: string[];
    hidden?: string[];
    visible?: string[];
  };
}

export interface CaseResult {
  name: string;
  passed: boolean;
  /** Chinese, one line per unmet expectation. */
  failures: string[];
}
