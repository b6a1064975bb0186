// The API contract as types: what each request sends and each answer gives, derived from the
// zod schemas beside this file, which the server's routes validate with and document
// (/api/openapi.json). Types only, so the client imports this module (never the schema files:
// lint holds that) and no zod reaches the officer's pages.
import type { z } from 'zod';
import type * as accounts from './accounts';
import type * as admin from './admin';
import type * as campaigns from './campaigns';
import type * as common from './common';
import type * as deliberation from './deliberation';
import type * as divisions from './divisions';
import type * as fill from './fill';
import type * as forms from './forms';
import type * as households from './households';
import type * as progress from './progress';
import type * as publicApplication from './publicApplication';
import type * as review from './review';
import type * as submissions from './submissions';
import type * as verification from './verification';
import type * as warnings from './warnings';
import type * as xlsform from './xlsform';

export type Problem = z.output<typeof common.ProblemSchema>;
export type SubmissionStatus = z.output<typeof common.SubmissionStatusSchema>;
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// Accounts.
export type Role = z.output<typeof accounts.RoleSchema>;
export type User = z.output<typeof accounts.UserSchema>;
export type Session = z.output<typeof accounts.SessionSchema>;
export type LoginRequest = z.input<typeof accounts.LoginSchema>;
export type NewUser = z.input<typeof accounts.NewUserSchema>;
export type UserPatch = z.input<typeof accounts.UserPatchSchema>;

// Forms and their versions; the administrator's drafts.
export type FormSummary = z.output<typeof forms.FormSummarySchema>;
export type UnpublishedForm = z.output<typeof forms.UnpublishedFormSchema>;
/** The administrator's list (GET /api/forms?all=1): published forms and those never published. */
export type AdminFormSummary = FormSummary | UnpublishedForm;
export type FormCampaign = z.output<typeof forms.FormCampaignSchema>;
export type FormVersion = z.output<typeof forms.FormVersionSchema>;
export type LatestForm = z.output<typeof forms.LatestFormSchema>;
export type FormVersionSummary = z.output<typeof forms.FormVersionSummarySchema>;
export type Draft = z.output<typeof forms.DraftSchema>;
export type SavedDraft = z.output<typeof forms.SavedDraftSchema>;
export type CreatedForm = z.output<typeof forms.CreatedFormSchema>;
export type NewForm = z.input<typeof forms.NewFormSchema>;
export type SaveDraftRequest = z.input<typeof forms.SaveDraftSchema>;
export type PublishRequest = z.input<typeof forms.PublishSchema>;

// Campaigns.
export type CampaignSummary = z.output<typeof campaigns.CampaignSummarySchema>;
export type CampaignStatus = z.output<typeof campaigns.CampaignStatusSchema>;
export type Campaign = z.output<typeof campaigns.CampaignSchema>;
export type CampaignList = z.output<typeof campaigns.CampaignListSchema>;
export type CampaignDetail = z.output<typeof campaigns.CampaignDetailSchema>;
export type Adopted = z.output<typeof campaigns.AdoptedSchema>;
export type Adoption = z.output<typeof campaigns.AdoptionSchema>;
export type ParameterDeclarationInfo = z.output<typeof campaigns.ParameterDeclarationSchema>;
export type NewCampaign = z.input<typeof campaigns.NewCampaignSchema>;
/** A campaign's parameters as a change sends them: numbers and texts (answers give them back as stored). */
export type CampaignParameters = NonNullable<NewCampaign['parameters']>;
export type CampaignPatch = z.input<typeof campaigns.CampaignPatchSchema>;
export type AdoptRequest = z.input<typeof campaigns.AdoptSchema>;

// GET /api/fill.
export type FillData = z.output<typeof fill.FillDataSchema>;

// Submissions.
export type Submission = z.output<typeof submissions.SubmissionSchema>;
export type SubmissionDetail = z.output<typeof submissions.SubmissionDetailSchema>;
export type SubmissionEvent = z.output<typeof submissions.SubmissionEventSchema>;
export type CampaignOfSubmission = z.output<typeof submissions.CampaignOfSubmissionSchema>;
export type MoveNotice = z.output<typeof submissions.MoveNoticeSchema>;
export type FieldNote = z.output<typeof submissions.FieldNoteSchema>;
export type Correction = z.output<typeof submissions.CorrectionSchema>;
export type CreateSubmission = z.input<typeof submissions.CreateSubmissionSchema>;
export type UpdateSubmission = z.input<typeof submissions.UpdateSubmissionSchema>;
export type ReviewRequest = z.input<typeof submissions.ReviewSchema>;
export type MoveRequest = z.input<typeof submissions.MoveSubmissionSchema>;

// Households.
export type HouseholdSummary = z.output<typeof households.HouseholdSchema>;
export type HouseholdDetail = z.output<typeof households.HouseholdDetailSchema>;
export type HouseholdSubmission = z.output<typeof households.HouseholdSubmissionSchema>;
export type HouseholdStates = z.output<typeof households.HouseholdStatesSchema>;
export type HouseholdState = z.output<typeof households.HouseholdStateSchema>;
export type StateForm = z.output<typeof households.StateFormSchema>;
export type SubmissionState = z.output<typeof households.SubmissionStateSchema>;

// The reviewer's table and batch approval.
export type ReviewRow = z.output<typeof review.ReviewRowSchema>;
export type ReviewRowsPage = z.output<typeof review.ReviewRowsPageSchema>;
export type ReviewLevelInfo = z.output<typeof review.ReviewLevelSchema>;
export type DivisionCount = z.output<typeof review.DivisionCountSchema>;
export type ApprovalsRequest = z.input<typeof review.ApprovalsSchema>;
export type ApprovalResult = z.output<typeof review.ApprovalOutcomeSchema>;
export type ApprovalsAnswer = z.output<typeof review.ApprovalsAnswerSchema>;

// Progress and data quality.
export type ProgressCounts = z.output<typeof progress.ProgressCountsSchema>;
export type VillageProgress = z.output<typeof progress.VillageProgressSchema>;
export type TownshipProgress = z.output<typeof progress.TownshipProgressSchema>;
export type ProgressReport = z.output<typeof progress.ProgressReportSchema>;
export type ProgressAnswer = z.output<typeof progress.ProgressAnswerSchema>;
export type MissingHousehold = z.output<typeof progress.MissingHouseholdSchema>;
export type VillageCount = z.output<typeof progress.VillageCountSchema>;
export type WarnedSubmission = z.output<typeof progress.WarnedSubmissionSchema>;
export type DuplicateHolder = z.output<typeof progress.DuplicateHolderSchema>;
export type DuplicateNumber = z.output<typeof progress.DuplicateNumberSchema>;
export interface QualityAnswer<T> extends Paged<T> {
  villages: VillageCount[];
}

// The administrator's bulk work.
export type ImportProblem = z.output<typeof admin.SheetProblemSchema>;
export type ImportProgress = z.output<typeof admin.ImportProgressSchema>;
export type ImportResult = z.output<typeof admin.ImportResultSchema>;
export type AdjustmentResult = z.output<typeof admin.AdjustmentResultSchema>;
export type AdoptionChoice = z.output<typeof admin.AdoptionChoiceSchema>;
export type CaseOutcome = z.output<typeof admin.CaseOutcomeSchema>;
export type Publication = z.output<typeof admin.PublicationSchema>;
export type PublishCheck = z.output<typeof admin.PublishCheckSchema>;
export type Published = z.output<typeof admin.PublishedSchema>;

// The registered divisions, administered.
export type DivisionLevel = z.output<typeof divisions.DivisionLevelSchema>;
export type OfficialDivision = z.output<typeof divisions.OfficialDivisionSchema>;
export type DivisionCatalog = z.output<typeof divisions.DivisionCatalogSchema>;
export type OfficialImportProgress = z.output<typeof divisions.OfficialImportProgressSchema>;
export type OfficialImportResult = z.output<typeof divisions.OfficialImportResultSchema>;
export type DivisionChange = z.output<typeof divisions.DivisionChangeSchema>;
export type Division = z.output<typeof divisions.DivisionSchema>;

// Households to verify (重点核查户).
export type VerificationItem = z.output<typeof verification.VerificationItemSchema>;
export type VerificationPage = z.output<typeof verification.VerificationPageSchema>;
export type VerificationCount = z.output<typeof verification.VerificationCountSchema>;
export type NewVerification = z.input<typeof verification.NewVerificationSchema>;
export type CloseVerification = z.input<typeof verification.CloseVerificationSchema>;
export type LinkVerification = z.input<typeof verification.LinkVerificationSchema>;

// Departments' warning lists.
export type WarningRow = z.output<typeof warnings.WarningRowSchema>;
export type WarningImportResult = z.output<typeof warnings.WarningImportResultSchema>;
export type HouseholdWarning = z.output<typeof warnings.HouseholdWarningSchema>;

// Residents' own applications (issue 17).
export type PublicChallenge = z.output<typeof publicApplication.ChallengeSchema>;
export type PublicApplicationForm = z.output<typeof publicApplication.PublicFormSchema>;
export type PublicVillage = z.output<typeof publicApplication.PublicVillageSchema>;
export type ApplicationReceipt = z.output<typeof publicApplication.ApplicationReceiptSchema>;
export type ApplicationStatus = z.output<typeof publicApplication.ApplicationStatusSchema>;

// Forms written in a spreadsheet (XLSForm import and export).
export type WorkbookProblem = z.output<typeof xlsform.WorkbookProblemSchema>;
export type XlsformImport = z.output<typeof xlsform.XlsformImportSchema>;

// 民主评议 and 公示 (issue 17).
export type DeliberationGate = z.output<typeof deliberation.GateSchema>;
export type DeliberationRecordOut = z.output<typeof deliberation.DeliberationRecordSchema>;
export type DeliberationStepSet = z.output<typeof deliberation.StepSetSchema>;
export type DeliberationBoard = z.output<typeof deliberation.BoardSchema>;
export type BoardSubmission = z.output<typeof deliberation.BoardSubmissionSchema>;
export type NewMeeting = z.input<typeof deliberation.NewMeetingSchema>;
export type NewNotice = z.input<typeof deliberation.NewNoticeSchema>;
export type NewObjection = z.input<typeof deliberation.NewObjectionSchema>;
export type ResolveObjection = z.input<typeof deliberation.ResolveObjectionSchema>;
export type SubmissionDeliberation = z.output<typeof deliberation.SubmissionDeliberationSchema>;

