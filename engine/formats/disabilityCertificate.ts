// The second-generation disability certificate number (残疾人证号): the holder's 18-digit
// resident ID followed by the disability category (1 视力 2 听力 3 言语 4 肢体 5 智力 6 精神
// 7 多重) and grade (1-4), 20 characters in all.
import { explainResidentId } from './residentId';

export const DISABILITY_CATEGORIES: Readonly<Record<string, string>> = {
  '1': '视力残疾', '2': '听力残疾', '3': '言语残疾', '4': '肢体残疾', '5': '智力残疾', '6': '精神残疾', '7': '多重残疾',
};

export function explainDisabilityCertificate(value: string): string | null {
  if (value.length !== 20) return `残疾人证号应为 20 位（现为 ${value.length} 位）`;
  const idProblem = explainResidentId(value.slice(0, 18));
  if (idProblem) return `前 18 位身份证号码${idProblem}`;
  if (!DISABILITY_CATEGORIES[value[18]!]) return `第 19 位残疾类别 ${value[18]} 无效（应为 1-7）`;
  if (!/^[1-4]$/.test(value[19]!)) return `第 20 位残疾等级 ${value[19]} 无效（应为 1-4）`;
  return null;
}

/** A resident ID (18) or a disability certificate number (20), as the seeds' ID columns allow. */
export function explainIdOrDisabilityCertificate(value: string): string | null {
  if (value.length === 20) return explainDisabilityCertificate(value);
  return explainResidentId(value);
}
