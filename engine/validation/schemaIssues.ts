// Turns ajv's errors into Issues an officer understands: the field's title first, then what is
// wrong in plain Chinese ("A28 工资性收入（元）不能小于 0"). Domain formats explain themselves
// (which check digit was expected); rarer keywords fall back to ajv-i18n's Chinese messages.
import type { ErrorObject } from 'ajv';
import localizeEn from 'ajv-i18n/localize/en';
import localizeZh from 'ajv-i18n/localize/zh';
import { domainFormats, standardFormatMessages } from '../formats/domainFormats';
import { english, englishProblem, STANDARD_FORMAT_MESSAGES_EN } from '../i18n/englishMessages';
import type { EngineLanguage } from '../i18n/languages';
import type { FieldIndex } from '../schema/fieldIndex';
import type { Issue } from '../types';
import { fieldLabel, valueAt } from './fieldLabel';

const TYPE_NAMES: Record<string, string> = {
  number: '应填写数字',
  integer: '应填写整数',
  string: '应填写文字',
  boolean: '应选择“是”或“否”',
  array: '应为列表',
  object: '格式不正确',
  null: '应为空',
};

function length(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

function problemOf(error: ErrorObject, value: unknown): string | null {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return '为必填项';
    case 'type':
      return TYPE_NAMES[String(p.type).split(',')[0]!] ?? '类型不正确';
    case 'minimum':
      return `不能小于 ${p.limit}`;
    case 'exclusiveMinimum':
      return `必须大于 ${p.limit}`;
    case 'maximum':
      return `不能大于 ${p.limit}`;
    case 'exclusiveMaximum':
      return `必须小于 ${p.limit}`;
    case 'minLength':
      return `至少 ${p.limit} 个字（现为 ${length(value)} 个）`;
    case 'maxLength':
      return `最多 ${p.limit} 个字（现为 ${length(value)} 个）`;
    case 'minItems':
      return `至少填写 ${p.limit} 项`;
    case 'maxItems':
      return `最多填写 ${p.limit} 项`;
    case 'enum':
    case 'oneOf':
    case 'anyOf':
      return '只能从可选项中选择';
    case 'const':
      return '的值不正确';
    case 'pattern':
      return '格式不正确';
    case 'uniqueItems':
      return '有重复的选项';
    case 'multipleOf':
      return `应为 ${p.multipleOf} 的整数倍`;
    case 'format': {
      const explain = domainFormats[p.format as string];
      if (explain && typeof value === 'string') return `：${explain(value) ?? '格式不正确'}`;
      return `：${standardFormatMessages[p.format as string] ?? '格式不正确'}`;
    }
    default:
      return null;
  }
}

/** The English words for an error: the label, a colon, what is wrong. */
function englishOf(error: ErrorObject, value: unknown): string | null {
  return englishProblem(error, value, (format) => {
    const explain = domainFormats[format];
    if (explain && typeof value === 'string') return english(explain(value) ?? '格式不正确');
    return STANDARD_FORMAT_MESSAGES_EN[format] ?? 'is not in the right form';
  });
}

/**
 * Issues for ajv's errors on `data`, leaving out errors on hidden fields (a hidden field's value
 * is dropped, so its `required` would otherwise fire) and the per-branch noise of oneOf choices.
 */
export function schemaIssues(
  errors: ErrorObject[] | null | undefined,
  data: unknown,
  index: FieldIndex,
  hidden: ReadonlySet<string>,
  language: EngineLanguage = 'zh',
): Issue[] {
  if (!errors || errors.length === 0) return [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const fallback: { error: ErrorObject; path: string }[] = [];
  for (const error of errors) {
    if (error.keyword === 'const' && error.schemaPath.includes('/oneOf/')) continue;
    if (error.keyword === 'if') continue;
    const path = error.keyword === 'required'
      ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`
      : error.instancePath;
    if (hidden.has(path)) continue;
    const dedupe = `${path} ${error.keyword}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const value = valueAt(data, path);
    const problem = language === 'en' ? englishOf(error, value) : problemOf(error, value);
    if (problem === null) {
      fallback.push({ error, path });
      continue;
    }
    const { code, label } = fieldLabel(path, index, language);
    issues.push({ path, field: code, code: error.keyword, message: language === 'en' ? `${label}: ${problem}` : `${label}${problem}`, severity: 'error' });
  }
  if (fallback.length > 0) {
    const copies = fallback.map(({ error }) => ({ ...error }));
    (language === 'en' ? localizeEn : localizeZh)(copies);
    copies.forEach((error, i) => {
      const path = fallback[i]!.path;
      const { code, label } = fieldLabel(path, index, language);
      const message = language === 'en' ? `${label}: ${error.message ?? 'is not as required'}` : `${label}${error.message ?? '不符合要求'}`;
      issues.push({ path, field: code, code: error.keyword, message, severity: 'error' });
    });
  }
  return issues;
}
