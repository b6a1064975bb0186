// The API contract of GET /api/fill: everything a fill page reads, in one answer. Each part is
// what its own route answers (the form: GET /api/forms/{formId}/versions/{version}), so the phone
// keeps each under that route's path.
import { z } from 'zod';
import { CampaignListSchema } from './campaigns';
import { FormVersionSchema } from './forms';
import { HouseholdDetailSchema } from './households';
import { SubmissionDetailSchema } from './submissions';

export const FillDataSchema = z.object({
  submission: SubmissionDetailSchema.nullable().meta({ description: '同 GET /api/submissions/{id}；未给 submission 时为 null' }),
  form: FormVersionSchema,
  campaigns: CampaignListSchema.meta({ description: '同 GET /api/campaigns' }),
  household: HouseholdDetailSchema.nullable().meta({ description: '同 GET /api/households/{id}；不属于农户的表为 null' }),
}).meta({ id: 'FillData' });

export const FillQuerySchema = z.object({
  submission: z.string().uuid('submission 应为提交的 UUID').optional().meta({ description: '服务器上的提交：表单版本与农户取自它' }),
  form: z.string().max(64).optional().meta({ description: '未给 submission 时：表单编号' }),
  version: z.coerce.number().int().min(1).max(1_000_000).optional().meta({ description: '未给 submission 时：表单版本' }),
  household: z.string().max(64).optional().meta({ description: '未给 submission 时：农户编号（可无）' }),
});
