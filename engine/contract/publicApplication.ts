// The API contract of residents' own applications (纳入监测申请, issue 17), under /api/public/: no
// account, no session. A county's page reads the published form and the county's villages and a
// proof-of-work challenge, sends an application with the solved challenge and gets a receipt
// number; the status is read with the receipt and the applicant's ID number together.
import { z } from 'zod';

export const countyCode = z.string().regex(/^\d{6}$/, '应为 6 位县级行政区划代码');

export const ChallengeSchema = z.object({
  challenge: z.string(),
  difficulty: z.number().meta({ description: 'SHA-256("<challenge>:<nonce>") 须以这么多个 0 比特开头' }),
  expiresAt: z.string(),
}).meta({ id: 'PublicChallenge' });

export const PublicVillageSchema = z.object({
  code: z.string(), name: z.string(), township: z.string().meta({ description: '所属乡镇（街道）名称' }),
}).meta({ id: 'PublicVillage' });

export const PublicFormSchema = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  form: z.object({ id: z.string(), version: z.number(), definition: z.record(z.string(), z.unknown()) }),
  villages: z.array(PublicVillageSchema),
}).meta({ id: 'PublicApplicationForm' });

export const ApplicationRequestSchema = z.object({
  challenge: z.string().min(1).max(200).meta({ description: 'GET …/challenge 给出的 challenge' }),
  nonce: z.string().min(1).max(64).meta({ description: '使 SHA-256("<challenge>:<nonce>") 达到难度的值' }),
  data: z.record(z.string(), z.unknown()).meta({ description: '纳入监测申请表单的填写内容' }),
}).meta({ id: 'ApplicationRequest' });

export const ApplicationStatusValue = z.enum(['received', 'verifying', 'included', 'not_included']);

export const ApplicationStatusSchema = z.object({
  receipt: z.string(),
  status: ApplicationStatusValue,
  statusText: z.string().meta({ description: '已受理 / 正在入户核查 / 已纳入监测 / 未纳入监测' }),
  reason: z.string().nullable().meta({ description: '未纳入监测的原因' }),
  receivedAt: z.string(),
}).meta({ id: 'ApplicationStatus' });

export const ApplicationReceiptSchema = ApplicationStatusSchema.extend({
  merged: z.boolean().meta({ description: '此身份证号在本县已有未办结的申请：内容已并入该申请，回执号不变' }),
}).meta({ id: 'ApplicationReceipt' });

export const StatusRequestSchema = z.object({
  receipt: z.string().min(1).max(40).meta({ description: '回执号（12 位，可带空格）' }),
  idNumber: z.string().min(1).max(40).meta({ description: '申请人身份证号' }),
}).meta({ id: 'ApplicationStatusRequest' });
