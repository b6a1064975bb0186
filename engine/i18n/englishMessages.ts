// The engine's own words in English, for a form filled in English: what schemaIssues says of a
// JSON Schema keyword, and the domain formats' explanations (written in Chinese next to their
// checks, formats/*.ts) turned into English by one pattern each. A message no pattern knows is
// left in Chinese (test/engine/i18n/englishMessages.test.ts feeds every format's failures through).
import type { ErrorObject } from 'ajv';

const TYPE_NAMES: Record<string, string> = {
  number: 'should be a number',
  integer: 'should be a whole number',
  string: 'should be text',
  boolean: 'should be “yes” or “no”',
  array: 'should be a list',
  object: 'is not in the right form',
  null: 'should be empty',
};

const characters = (value: unknown) => (typeof value === 'string' ? [...value].length : 0);

/** What is wrong, in English, for a keyword schemaIssues explains itself; null for the rest. */
export function englishProblem(error: ErrorObject, value: unknown, explainFormat: (format: string) => string): string | null {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': return 'is required';
    case 'type': return TYPE_NAMES[String(p.type).split(',')[0]!] ?? 'has the wrong type';
    case 'minimum': return `must not be less than ${p.limit}`;
    case 'exclusiveMinimum': return `must be more than ${p.limit}`;
    case 'maximum': return `must not be more than ${p.limit}`;
    case 'exclusiveMaximum': return `must be less than ${p.limit}`;
    case 'minLength': return `needs at least ${p.limit} characters (now ${characters(value)})`;
    case 'maxLength': return `takes at most ${p.limit} characters (now ${characters(value)})`;
    case 'minItems': return `needs at least ${p.limit} entries`;
    case 'maxItems': return `takes at most ${p.limit} entries`;
    case 'enum': case 'oneOf': case 'anyOf': return 'must be one of the choices';
    case 'const': return 'has a wrong value';
    case 'pattern': return 'is not in the right form';
    case 'uniqueItems': return 'has a choice twice';
    case 'multipleOf': return `should be a multiple of ${p.multipleOf}`;
    case 'format': return explainFormat(String(p.format));
    default: return null;
  }
}

/** Messages of ajv-formats' standard formats. */
export const STANDARD_FORMAT_MESSAGES_EN: Readonly<Record<string, string>> = {
  date: 'should be a date (year-month-day, e.g. 2021-09-30)',
  'date-time': 'should be a date and time',
  time: 'should be a time',
  email: 'should be an email address',
  uri: 'should be a web address',
  uuid: 'should be a UUID',
};

type Pattern = [RegExp, (...groups: string[]) => string];

const ATTACHMENT_KINDS: Record<string, string> = { 照片: 'photo', 签字: 'signature' };

/** One pattern per sentence the engine writes in Chinese (formats, limits, number checks). */
const PATTERNS: Pattern[] = [
  // resident ID (formats/residentId.ts), disability certificate, phones, division codes, year-months
  [/^末位字母应为大写 X$/, () => 'the last letter should be a capital X'],
  [/^应为 18 位（现为 (\d+) 位）$/, (n) => `should have 18 characters (now ${n})`],
  [/^只能由数字和末位 X 组成$/, () => 'may hold only digits and a final X'],
  [/^前两位 (\d+) 不是有效的省级行政区划代码$/, (c) => `the first two digits ${c} are not a province's division code`],
  [/^前两位 (\d+) 不是有效的省级代码$/, (c) => `the first two digits ${c} are not a province's code`],
  [/^出生日期 (\S+) 不是有效日期$/, (d) => `the birth date ${d} is not a valid date`],
  [/^出生日期 (\S+) 早于 1900 年$/, (d) => `the birth date ${d} is before 1900`],
  [/^出生日期 (\S+) 晚于今天$/, (d) => `the birth date ${d} is after today`],
  [/^校验位错误（第 18 位应为 (\S)）$/, (x) => `wrong check digit (the 18th character should be ${x})`],
  [/^残疾人证号应为 20 位（现为 (\d+) 位）$/, (n) => `a disability certificate number has 20 characters (now ${n})`],
  [/^前 18 位身份证号码(.+)$/, (rest) => `the first 18 characters (an ID number): ${english(rest)}`],
  [/^第 19 位残疾类别 (\S+) 无效（应为 1-7）$/, (x) => `the 19th character, the disability category ${x}, is not valid (1-7)`],
  [/^第 20 位残疾等级 (\S+) 无效（应为 1-4）$/, (x) => `the 20th character, the disability grade ${x}, is not valid (1-4)`],
  [/^只能由数字组成$/, () => 'may hold only digits'],
  [/^应为 11 位手机号码（现为 (\d+) 位）$/, (n) => `should be an 11-digit mobile number (now ${n} digits)`],
  [/^应以 13-19 开头$/, () => 'should start with 13 to 19'],
  [/^应为 11 位手机号码或固定电话（如 023-78865441）$/, () => 'should be an 11-digit mobile number or a landline (e.g. 023-78865441)'],
  [/^应为 2、4、6、9 或 12 位（现为 (\d+) 位）$/, (n) => `should have 2, 4, 6, 9 or 12 digits (now ${n})`],
  [/^格式应为 年-月（如 2021-09）$/, () => 'should be year-month (e.g. 2021-09)'],
  [/^月份 (\S+) 无效$/, (m) => `the month ${m} is not valid`],
  [/^年份 (\S+) 不在 1900-2100 之间$/, (y) => `the year ${y} is not between 1900 and 2100`],
  [/^应为已保存的(照片|签字)（文件的 SHA-256 和类型，如 3f7a…c2\.jpg）$/, (k) => `should be a saved ${ATTACHMENT_KINDS[k]} (the file's SHA-256 and type, e.g. 3f7a…c2.jpg)`],
  [/^(照片|签字)只能是 (.+) 文件$/, (k, list) => `a ${ATTACHMENT_KINDS[k]} can only be a ${list.split('、').join(', ')} file`],
  [/^应为位置（纬度,经度，如 geo:29\.351234,105\.894321;u=12）$/, () => 'should be a location (latitude,longitude, e.g. geo:29.351234,105.894321;u=12)'],
  [/^格式不正确$/, () => 'is not in the right form'],
  // limits (budget/dataLimitIssue.ts) and the evaluation's own
  [/^表单数据嵌套过深：超过 (\d+) 层$/, (n) => `the form's data is nested too deep: more than ${n} levels`],
  [/^表单数据过多：超过 (\d+) 个值$/, (n) => `the form's data has too many values: more than ${n}`],
  [/^表单数据过大：超过 (\S+) KB$/, (n) => `the form's data is too large: more than ${n} KB`],
  [/^表单数据格式错误：应为一个对象$/, () => "the form's data is not in the right form: it should be an object"],
  // the officer's explanations of warnings (validation/unexplainedWarnings.ts); the warning quoted is already translated
  [/^([\s\S]*)——须填写核实说明后才能正式提交（提示规则 (\S+)）$/, (warning, rule) => `${warning} — needs an explanation before it can be submitted (notice rule ${rule})`],
  [/^核实说明（提示规则 (\S+)）不能超过 (\d+) 字，现为 (\d+) 字$/, (rule, most, now) => `the explanation (notice rule ${rule}) takes at most ${most} characters (now ${now})`],
  [/^核实说明（提示规则 (\S+)）应为文字$/, (rule) => `the explanation (notice rule ${rule}) should be text`],
  [/^核实说明所对应的提示规则“(\S+)”不是本表的提示规则$/, (rule) => `the explanation's notice rule “${rule}” is not a notice rule of this form`],
];

/** An engine sentence in English; the sentence itself when no pattern knows it. */
export function english(zh: string): string {
  for (const [pattern, say] of PATTERNS) {
    const match = pattern.exec(zh);
    if (match) return say(...match.slice(1));
  }
  return zh;
}
