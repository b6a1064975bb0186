// The columns of an XLSForm sheet: a header is a name and, after "::", a language
// ("label::English (en)", "label::中文", "hint::en"). Headers are read without regard to case;
// languages are turned into the codes a definition's translations use ("en", "ug"), Chinese ("zh")
// being the definition's own text.

/** Language names XLSForm authors write, to codes. A header "label::Name (code)" gives its code. */
const LANGUAGE_NAMES: Record<string, string> = {
  chinese: 'zh', 中文: 'zh', 汉语: 'zh', 简体中文: 'zh', english: 'en', 英文: 'en', 英语: 'en', uyghur: 'ug', uighur: 'ug',
  维吾尔语: 'ug', 维吾尔文: 'ug', tibetan: 'bo', 藏语: 'bo', 藏文: 'bo', mongolian: 'mn', 蒙古语: 'mn', 蒙古文: 'mn', french: 'fr',
  français: 'fr', spanish: 'es', español: 'es', portuguese: 'pt', arabic: 'ar', swahili: 'sw', hindi: 'hi', russian: 'ru',
  german: 'de', kazakh: 'kk', 哈萨克语: 'kk', korean: 'ko', 朝鲜语: 'ko', yi: 'ii', 彝语: 'ii', zhuang: 'za', 壮语: 'za',
};

export interface ColumnName {
  /** Lower-case name before "::": "label", "constraint_message". */
  base: string;
  /** Language code, "zh" for Chinese; null when the header names no language. */
  language: string | null;
  /** The language as written when it could not be turned into a code. */
  unknownLanguage: string | null;
}

export function parseColumn(header: string): ColumnName {
  const at = header.indexOf('::');
  if (at < 0) return { base: header.trim().toLowerCase(), language: null, unknownLanguage: null };
  const base = header.slice(0, at).trim().toLowerCase();
  const written = header.slice(at + 2).trim();
  const code = /\(([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\)\s*$/.exec(written)?.[1]
    ?? (/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*$/.test(written) ? written.split(/[-_]/)[0] : undefined);
  const language = code?.toLowerCase() ?? LANGUAGE_NAMES[written.toLowerCase()] ?? null;
  return { base, language, unknownLanguage: language ? null : written };
}

/** Columns of the survey sheet this import understands (XLSForm's and this product's own). */
export const SURVEY_COLUMNS = new Set([
  'type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'constraint_message', 'calculation', 'default',
  'read_only', 'appearance',
  // This product's own: see README "Writing a form in Excel".
  'description', 'format', 'min', 'max', 'min_length', 'max_length', 'pattern', 'min_rows', 'max_rows', 'prefill', 'verify',
  'severity', 'rule_id', 'schema_json', 'ui_json',
]);

/** XLSForm columns whose meaning this product has no equivalent for: a value in one refuses the import. */
export const REFUSED_COLUMNS: Record<string, string> = {
  repeat_count: '固定次数的重复组（repeat_count）', choice_filter: '按条件筛选选项（choice_filter）',
  parameters: '题型参数（parameters）', trigger: '触发重算（trigger）', required_message: '自定义必填提示（required_message）',
  'media::image': '题目图片（media::image）', 'media::audio': '题目音频（media::audio）', 'media::video': '题目视频（media::video）',
  image: '题目图片（image）', audio: '题目音频（audio）', video: '题目视频（video）', big_image: '题目大图（big-image）',
  'big-image': '题目大图（big-image）', guidance_hint: '指导提示（guidance_hint）', 'body::accuracythreshold': '定位精度阈值',
  'instance::': '实例属性（instance::）', 'bind::': '绑定属性（bind::）', save_to: '保存到实体（save_to）',
};

export const CHOICES_COLUMNS = new Set(['list_name', 'list name', 'name', 'label']);
export const SETTINGS_COLUMNS = new Set([
  'form_title', 'form_id', 'version', 'default_language', 'instance_name', 'style', 'public_key', 'submission_url',
  'allow_choice_duplicates', 'namespaces', 'auto_send', 'auto_delete',
  'description', 'source', 'creates_household', 'applies_to', 'review', 'effects', 'ui_json',
]);
/** Settings that only tell ODK how to send or show the form: left out with a warning. */
export const IGNORED_SETTINGS = new Set(['version', 'instance_name', 'style', 'public_key', 'submission_url', 'namespaces', 'auto_send', 'auto_delete', 'allow_choice_duplicates']);

/** ODK appearances that only change how a question looks: left out with a warning. */
export const COSMETIC_APPEARANCES = new Set([
  'minimal', 'horizontal', 'horizontal-compact', 'compact', 'quick', 'quickcompact', 'likert', 'columns', 'columns-pack',
  'no-calendar', 'month-year', 'year', 'field-list', 'table-list', 'label', 'list-nolabel', 'list', 'numbers', 'thousands-sep',
  'autocomplete', 'search', 'no-buttons', 'hidden-answer', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'w9', 'w10',
]);

export function isTrue(value: string | undefined): boolean {
  if (value === undefined) return false;
  return ['yes', 'true', 'true()', '1', '是', 'y'].includes(value.trim().toLowerCase());
}

export function isFalse(value: string | undefined): boolean {
  return value === undefined || ['no', 'false', 'false()', '0', '否', 'n', ''].includes(value.trim().toLowerCase());
}
