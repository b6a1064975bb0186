// The API contract of the registered divisions: those of a user's area, which every page builds
// its tree from, and as the administrator's 行政区划 page reads them:
// the official list a level at a time, registering a branch of it (progress lines, then the
// result), household counts per village, and the history of changes. The adjustment sheet's
// result is in admin.ts, with the other sheet uploads.
import { z } from 'zod';

export const DivisionLevelSchema = z.enum(['province', 'city', 'county', 'township', 'village']);

export const OfficialDivisionSchema = z.object({
  code: z.string(), name: z.string(), level: DivisionLevelSchema, parentCode: z.string().nullable(),
  registered: z.boolean().meta({ description: '已登记' }),
}).meta({ id: 'OfficialDivision' });

export const DivisionCatalogSchema = z.object({
  source: z.string().meta({ description: '区划代码的来源（数据包及其版本）' }),
  parent: OfficialDivisionSchema.nullable(), items: z.array(OfficialDivisionSchema),
});

export const OfficialImportProgressSchema = z.object({ type: z.literal('progress'), stage: z.literal('writing'), done: z.number(), total: z.number() });

export const OfficialImportResultSchema = z.object({
  type: z.literal('result'), code: z.string(), name: z.string(), level: DivisionLevelSchema, source: z.string(),
  total: z.number().meta({ description: '该区划及其上级、下级的个数' }),
  added: z.number(), kept: z.number().meta({ description: '已登记的，保持不变（包括改过的名称）' }),
  skipped: z.number().meta({ description: '曾并入其他村或删除的，不恢复' }),
}).meta({ id: 'OfficialImportResult' });

export const DivisionChangeSchema = z.object({
  id: z.number(), at: z.string(), userId: z.string(), action: z.enum(['import', 'add', 'rename', 'merge', 'remove']), code: z.string(),
  name: z.string().meta({ description: '调整后的名称（合并、删除时为原名称）' }),
  previousName: z.string().nullable(), targetCode: z.string().nullable().meta({ description: '合并到的村' }),
  count: z.number().nullable().meta({ description: '合并迁移的农户数；导入新增的区划数' }), note: z.string().nullable(),
}).meta({ id: 'DivisionChange' });

export const HouseholdCountsSchema = z.object({ items: z.array(z.object({ divisionCode: z.string(), count: z.number() })) });

export const DivisionChangesSchema = z.object({ items: z.array(DivisionChangeSchema) });

export const DivisionRemovedSchema = z.object({ code: z.string(), name: z.string(), removed: z.number().meta({ description: '删除的区划数（含下级）' }) });

/** A registered division as the pages build their trees from it (GET /api/divisions: the user's area and its ancestors). */
export const DivisionSchema = z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() }).meta({ id: 'Division' });

export const DivisionListSchema = z.object({ items: z.array(DivisionSchema) });
