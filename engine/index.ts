// The engine's public contract: client and server import only this module. Pure TypeScript:
// nothing here touches Node, the DOM, the network or a database.
export type * from './types';
export { evaluate, evaluateCompiled } from './evaluate';
export { compileForm, type CompiledForm, type CompileOptions } from './compileForm';
// Precompiled validators: the server generates standalone code per form version; a page that may
// not evaluate code builds its compiled form from it (precompiledForm imports no ajv compiler).
export { precompiledForm } from './precompiledForm';
export type { FormValidators } from './validation/FormValidators';
export { formValidatorSource } from './validation/formValidatorSource';
export { validatorRequire, validatorRequireWith, LAZY_SPECIFIERS, RUNTIME_SPECIFIERS, VALIDATORS_REVISION } from './validation/validatorRuntime';
export { fullValidatorRequire } from './validation/fullValidatorRequire';
export { domainFormatDefinitions } from './validation/domainFormatDefinitions';
export { checkSchema, compileSchema, type SchemaCompiler } from './validation/compileSchema';
export { fillText } from './text/fillText';
export { evaluateChange, affectedNodes, type ChangeState } from './incremental/evaluateChange';
export { currentWarnings } from './incremental/currentWarnings';
// Warnings need the officer's explanation (核实说明) before a submit: the same check in the form and on the server.
export {
  unexplainedWarnings, checkExplanations, warningsByRule, ruleIdOf, MAX_EXPLANATION_LENGTH, EXPLANATION_CODE_PREFIX,
  type Explanations, type ExplanationCheck,
} from './validation/unexplainedWarnings';
export { checkDefinition, DefinitionError } from './definition/checkDefinition';
export { checkCampaign } from './definition/checkCampaign';
export { describeChanges } from './definition/describeChanges';
export { runCases, runCompiledCases, checkCase } from './cases/runCases';
export { prefillData, verificationFields, corrections, householdValue, type Correction } from './registry/prefill';
export { applyEffects, type EffectOutcome } from './registry/applyEffects';
export { allReviewLevels, reviewChain, type ReviewChain } from './review/reviewChain';
export { mayReview, type AwaitingReview, type Reviewer } from './review/mayReview';
export { fillerData, fillerFields, type Filler, type FillerPart } from './fill/fillerData';
export { fillFromIdNumber, idDerivedFields, idPart, type IdDerivedField, type IdPart } from './fill/fromIdNumber';
export { DEFAULT_MONEY_MAXIMUM } from './validation/numberBounds';
export { HOUSEHOLD_FIELDS, MEMBER_FIELDS, HOUSEHOLD_KINDS, MONITORED_KINDS, type RegistryField } from './registry/householdFields';
export { buildFieldIndex, keyOfPointer, labelOf, optionsOf, type FieldIndex, type FieldInfo, type OptionLabel } from './schema/fieldIndex';
export { explainResidentId, birthDateOf, genderOf, normalizeIdNumber, residentIdCheckDigit } from './formats/residentId';
export { explainDisabilityCertificate, explainIdOrDisabilityCertificate } from './formats/disabilityCertificate';
export { explainMobilePhone, explainPhone, explainDivisionCode, explainYearMonth } from './formats/simpleFormats';
export { domainFormats } from './formats/domainFormats';
export { valueAt, fieldLabel } from './validation/fieldLabel';
// ajv as every form's validator is compiled, at run time and for standalone (precompiled) modules.
export { AJV_OPTIONS } from './validation/ajvOptions';
export { createAjv } from './validation/createAjv';
export { linearRegExp, linearPatternProblem, type LinearRegExpEngine } from './validation/linearRegExp';
export { ALLOWED_OPERATIONS, MAX_RULE_DEPTH, MAX_RULE_NODES } from './rules/operators';
export { RESERVED_NAMES } from './ownValue';
// The engine's limits on what it is handed and what one evaluation produces (budget/limits.ts),
// and the measure that checks them without recursion.
export {
  MAX_DEFINITION_DEPTH, MAX_DEFINITION_NODES, MAX_FIELD_DEPTH, MAX_DATA_DEPTH, MAX_DATA_NODES, MAX_SUBMISSION_SIZE, MAX_COMPUTED_SIZE,
  MAX_INTERMEDIATE_SIZE, MAX_PARAMETER_LENGTH, LIMIT_ISSUE_CODE, BUDGET_ISSUE_CODE,
} from './budget/limits';
export { measureJson, type JsonLimits, type Measure } from './budget/measureJson';
export { MAX_FORMULA_TOKENS, MAX_FORMULA_NESTING } from './formula/parseFormula';
export { compileRule } from './rules/compileRule';
// Formulas and conditions for the form builder: Excel-like formulas to JSON-Logic and back, and
// the condition builder's model.
export { compileFormula } from './formula/compileFormula';
export { formulaOf } from './formula/formulaOf';
export { FORMULA_FUNCTIONS, type FormulaFunction } from './formula/functions';
export type { FormulaScope, FormulaParameter, FormulaResult, FormulaError, FormulaType } from './formula/types';
export { conditionToLogic } from './conditions/conditionToLogic';
export { logicToCondition } from './conditions/logicToCondition';
export { CLAUSE_OPS, type Condition, type Clause, type ClauseOp, type ConditionError, type ConditionResult } from './conditions/types';
// A submission's answers moved to another version of its form (a campaign adopting a new version).
export { migrateAnswers, type AnswerMove, type MovedAnswer } from './migrate/migrateAnswers';
export { convertValue, type Conversion } from './migrate/convertValue';
// Evidence (issue 16): photos and signatures as references to stored files, locations as geo URIs.
export {
  parseAttachmentReference, attachmentReference, parseLocation, formatLocation, explainPhoto, explainSignature, explainLocation,
  PHOTO_EXTENSIONS, SIGNATURE_EXTENSIONS, CONTENT_TYPES, type AttachmentReference, type AttachmentExtension, type Location,
} from './formats/attachmentFormats';
export { evidenceKind, holdsSeveral, type EvidenceKind } from './attachments/evidenceKind';
export { attachmentsIn, hasAttachmentFields, type AttachmentUse } from './attachments/attachmentsIn';
export { CLOSE_REASONS, VERIFICATION_SOURCE_LABELS, VERIFICATION_STATE_LABELS } from './verification/verificationLabels';
export { applicationReason, reasonCauses } from './verification/verificationCauses';
// The public application page's proof-of-work (issue 17): what is hashed and when it is enough.
export { meetsDifficulty, proofText, solveProof } from './proofOfWork/proofOfWork';
// Forms in more than one language (issue 18): translations of a definition's texts by text key.
export {
  textKeys, translateDefinition, englishMessage, untranslated, unknownTextKeys, translatedUiSchema, displayDefinition, definitionLanguages, engineLanguage, languageName,
  DEFAULT_LANGUAGE, ENGINE_LANGUAGES, LANGUAGE_NAMES, type TextEntry, type UntranslatedText, type EngineLanguage,
} from './i18n/index';
// XLSForm's expression language, to JSON-Logic and back (issue 18).
export { compileXlsExpression, printXlsExpression, type XlsOptions } from './xlsform';
// Dates and times in China time, whatever the server's or phone's zone.
export { CHINA_OFFSET_MS, chinaDate, chinaDayStart, chinaMonth, chinaTimeText } from './chinaTime';
// 民主评议 and 公示 as steps of the approval chain (issue 17): records, dates and the gate.
export * from './deliberation/deliberationRecords';
export { addDays, isChinaDate, noticeEndsOn, periodOver } from './deliberation/noticePeriod';
export { gateOf, stepGate, stepStates, stepsAt, stepsBefore, type Gate, type StepState } from './deliberation/gateOf';
export { checkApprovalSteps } from './deliberation/checkApprovalSteps';
