// XLSForm functions and ODK extensions that have no equivalent in this product's rules, each with
// the reason, in Chinese, that the import shows where it meets one. Rules are JSON-Logic run in a
// sandbox that must give the same answer on the phone, on the server and a year later: no clock,
// no randomness, no external data, no regular expressions, no positions of repeat rows.

const REASONS: Record<string, string> = {
  pulldata: '读取外部 CSV 数据，规则中没有外部数据',
  'jr:choice-name': '取选项的标签；规则只比较选项的值，标签用于显示',
  position: '取重复组中行的序号，规则中没有行序号',
  'indexed-repeat': '按序号读取重复组的某一行，规则中没有行序号',
  regex: '正则表达式匹配，规则的沙箱中没有正则运算；请在题目上用约束的格式（JSON Schema 的 pattern）',
  today: '读取当天日期，规则须在手机和服务器上得出同样的结果；请用活动参数，如 param(\'referenceDate\')，或一个填表日期题目',
  now: '读取当前时间，规则须在手机和服务器上得出同样的结果；请用活动参数或填表日期题目',
  once: '只计算一次的值，规则每次都重新计算',
  random: '随机数，规则须每次得出同样的结果',
  uuid: '生成唯一编号，规则须每次得出同样的结果',
  'decimal-date-time': '日期的数值运算；相差的月数、天数请用 months-between()、days-between()',
  'decimal-time': '时间的数值运算',
  'date-time': '日期时间，规则中只有日期和年月',
  'format-date': '日期格式化，规则中日期按 2021-09-30 书写',
  'format-date-time': '日期格式化，规则中日期按 2021-09-30 书写',
  'boolean-from-string': '文字转是/否；是/否题目直接与 \'yes\'、\'no\' 比较',
  translate: '逐字替换文字',
  'normalize-space': '整理空白；题目中的文字已去掉首尾空白',
  'selected-at': '按序号取多选题的第几项，规则中多选没有次序',
  'count-selected-at': '按序号取多选题的第几项',
  join: '把多个值连成文字',
  'jr:itext': '多语言文字，规则不读取翻译',
  digest: '计算散列值',
  'base64-decode': 'Base64 解码',
  area: '地块面积',
  distance: '两点距离',
  current: '当前节点；重复组中本行的题目直接写 ${名称}',
  instance: '读取外部数据集（instance）',
  last: '重复组的最后一行，规则中没有行序号',
  floor: '向下取整；正数请用 int()',
  ceiling: '向上取整',
  pow: '乘方，请写成连乘',
  log: '对数', log10: '对数', exp: '指数', exp10: '指数', sqrt: '开方', sin: '三角函数', cos: '三角函数', tan: '三角函数',
  asin: '三角函数', acos: '三角函数', atan: '三角函数', atan2: '三角函数', pi: '圆周率',
  boolean: '转为是/否；请直接写比较，如 ${A28} > 0',
  checklist: '选中项计数的条件', 'weighted-checklist': '选中项加权计数的条件',
  'substring-before': '截取文字（按内容）', 'substring-after': '截取文字（按内容）',
  'local-name': '节点名', name: '节点名', 'namespace-uri': '节点名', lang: '语言',
  'encrypt-string': '加密', 'decrypt-string': '解密',
};

/** The Chinese message refusing a known function, or null when the name is not one. */
export function refusal(name: string): string | null {
  if (!Object.hasOwn(REASONS, name)) return null;
  const reason = REASONS[name];
  return `${name}() 在本系统的规则中没有对应${reason ? `：${reason}` : ''}，无法导入`;
}
