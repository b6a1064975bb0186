// The export's own words in the languages it is written in (`?lang=en`; Chinese by default): the
// fixed columns, the suffixes of a field's extra columns, statuses, yes/no and the explanations'
// wording. The form's own texts (field titles, option labels) come from its translations
// (engine translateDefinition); a text without one stays Chinese.
import type { SubmissionRecord } from '../store/records';
import { STATUS_LABELS } from '../submissions/present';

export interface ExportWords {
  mainHeaders: readonly string[];
  tableHeaders: readonly string[];
  code: string;
  files: string;
  latitude: string;
  longitude: string;
  accuracy: string;
  /** After a fixed column named like a field ("户主姓名（农户档案）") and after that field. */
  fixedSuffix: string;
  fieldSuffix: string;
  /** "（A28）" / "（2）": a repeated header told apart. */
  apart: (what: string | number) => string;
  status: Record<SubmissionRecord['status'], string>;
  yes: string;
  no: string;
  explained: (text: string) => string;
  unexplained: string;
}

export const ZH_EXPORT_WORDS: ExportWords = {
  mainHeaders: ['提交编号', '状态', '行政区划代码', '村', '户主姓名', '户主证件号码', '表单版本', '提交时间', '审核通过时间', '填报人', '核实说明'],
  tableHeaders: ['提交编号', '户主姓名', '行号'],
  code: '（代码）',
  files: '（文件名 链接）',
  latitude: '（纬度）',
  longitude: '（经度）',
  accuracy: '（精度，米）',
  fixedSuffix: '（农户档案）',
  fieldSuffix: '（表内填写）',
  apart: (what) => `（${what}）`,
  status: STATUS_LABELS,
  yes: '是',
  no: '否',
  explained: (text) => `核实说明：${text}`,
  unexplained: '（未填写核实说明）',
};

export const EN_EXPORT_WORDS: ExportWords = {
  mainHeaders: [
    'Submission number', 'Status', 'Division code', 'Village', 'Head of household', "Head's ID number", 'Form version', 'Submitted at', 'Approved at',
    'Filled in by', 'Explanations',
  ],
  tableHeaders: ['Submission number', 'Head of household', 'Row'],
  code: ' (code)',
  files: ' (file name, link)',
  latitude: ' (latitude)',
  longitude: ' (longitude)',
  accuracy: ' (accuracy, m)',
  fixedSuffix: ' (household record)',
  fieldSuffix: ' (as filled in)',
  apart: (what) => ` (${what})`,
  status: { draft: 'Draft', submitted: 'Submitted', returned: 'Returned', approved: 'Approved' },
  yes: 'Yes',
  no: 'No',
  explained: (text) => `explanation: ${text}`,
  unexplained: '(no explanation)',
};

/** The export's words for `language`; Chinese for any language other than English. */
export function exportWords(language: string | undefined): ExportWords {
  return language === 'en' ? EN_EXPORT_WORDS : ZH_EXPORT_WORDS;
}
