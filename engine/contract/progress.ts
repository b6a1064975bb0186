// The API contract of a form's progress in a campaign and of data quality: counts by status (one
// shape for a village, a township, a kind and the total; the store's GROUP BY rows add their
// division and kind to it), the households still missing, the submissions with warnings and the
// ID numbers registered twice, each counted per village.
import { z } from 'zod';
import { divisionCode, pageOf, paging, SubmissionStatusSchema } from './common';

export const ProgressCountsSchema = z.object({
  expected: z.number().meta({ description: '应填户数（应填户类型的登记农户；不按户类型应填时为 0）' }),
  missing: z.number().meta({ description: '应填而未填任何一份的户数' }),
  draft: z.number(), submitted: z.number(), returned: z.number(), approved: z.number(),
});

export const VillageProgressSchema = ProgressCountsSchema.extend({ code: z.string(), name: z.string() });

export const TownshipProgressSchema = VillageProgressSchema.extend({ villages: z.array(VillageProgressSchema) });

/** What the report counts (the route adds which form and campaign). */
export const ProgressReportSchema = z.object({
  kinds: z.array(z.string()).nullable().meta({ description: '应填此表的户类型（定义的 appliesTo）；null：此表不按户类型应填，只统计已填' }),
  townships: z.array(TownshipProgressSchema),
  total: ProgressCountsSchema,
  byKind: z.array(ProgressCountsSchema.extend({ kind: z.string() })),
});

export const ProgressAnswerSchema = ProgressReportSchema.extend({
  form: z.object({ id: z.string(), title: z.string() }),
  campaign: z.object({ id: z.string(), title: z.string(), year: z.number() }),
}).meta({ id: 'Progress' });

export const ProgressQuerySchema = z.object({
  campaign: z.string().max(100).optional().meta({ description: '活动编号；不填：使用此表的最新活动' }),
  division: divisionCode.optional(),
});

export const MissingHouseholdSchema = z.object({
  id: z.string(), divisionCode: z.string(), villageName: z.string(), headName: z.string(), headIdNumber: z.string(),
  kind: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable(), memberCount: z.number(),
});

export const MissingPageSchema = pageOf(MissingHouseholdSchema);

export const MissingQuerySchema = ProgressQuerySchema.extend(paging(50));

// Data quality (数据清洗).

export const VillageCountSchema = z.object({ code: z.string(), name: z.string(), count: z.number() });

export const WarnedSubmissionSchema = z.object({
  id: z.string(), formId: z.string(), formTitle: z.string(), formVersion: z.number(), campaignId: z.string(),
  divisionCode: z.string(), villageName: z.string(), householdId: z.string().nullable(), headName: z.string(), headIdNumber: z.string(),
  status: SubmissionStatusSchema, statusLabel: z.string(),
  warnings: z.array(z.object({ path: z.string(), field: z.string(), message: z.string() })),
});

/** A household registering a duplicated ID number; outside the user's area only its division is shown. */
export const DuplicateHolderSchema = z.union([
  z.object({
    inScope: z.literal(true), divisionCode: z.string(), villageName: z.string(),
    householdId: z.string(), headName: z.string(), headIdNumber: z.string(), memberName: z.string(), relation: z.string().nullable(),
  }),
  z.object({ inScope: z.literal(false), divisionCode: z.string(), villageName: z.string() }),
]);

export const DuplicateNumberSchema = z.object({ idNumber: z.string(), holders: z.array(DuplicateHolderSchema) });

const withVillages = <T extends z.ZodType>(item: T) =>
  pageOf(item).extend({ villages: z.array(VillageCountSchema).meta({ description: '各村的数量' }) });

export const WarningsAnswerSchema = withVillages(WarnedSubmissionSchema);
export const DuplicatesAnswerSchema = withVillages(DuplicateNumberSchema);

export const WarningsQuerySchema = z.object({
  form: z.string().max(100).optional().meta({ description: '表单编号；不填：所有表' }),
  campaign: z.string().max(100).optional(),
  division: divisionCode.optional(),
  ...paging(50),
});

export const DuplicatesQuerySchema = z.object({ division: divisionCode.optional(), ...paging(50) });
