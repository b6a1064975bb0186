// The household registry's fields as forms see them: what pre-fill may read, what effects may
// write, what rules may read as {"var": "$household.<field>"}. One catalogue, with Chinese
// titles, shared by the checker, the server's registry and the authoring pages. Both tables have
// no prototype: a definition naming "constructor" or "toString" finds no field.
import { lookupTable } from '../ownValue';

export const HOUSEHOLD_KINDS = ['脱贫户', '一般农户', '脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] as const;

/** The three kinds of monitoring object (监测对象). */
export const MONITORED_KINDS = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] as const;

export interface RegistryField {
  title: string;
  type: 'string' | 'number' | 'boolean' | 'year-month' | 'members';
  /** Kept by the registry itself; effects may not write it. */
  readOnly?: boolean;
}

export const HOUSEHOLD_FIELDS: Readonly<Record<string, RegistryField>> = lookupTable<RegistryField>({
  id: { title: '户编号', type: 'string', readOnly: true },
  divisionCode: { title: '行政区划代码', type: 'string' },
  divisionName: { title: '所在村（行政区划名称）', type: 'string', readOnly: true },
  headName: { title: '户主姓名', type: 'string' },
  headIdNumber: { title: '户主证件号码', type: 'string' },
  phone: { title: '联系电话', type: 'string' },
  address: { title: '家庭住址', type: 'string' },
  kind: { title: '农户属性（户类型）', type: 'string' },
  identifiedMonth: { title: '纳入监测时间（年月）', type: 'year-month' },
  riskEliminatedMonth: { title: '风险消除时间（年月）', type: 'year-month' },
  riskEliminationMethod: { title: '风险消除方式', type: 'string' },
  mainRisk: { title: '主要返贫致贫风险', type: 'string' },
  memberCount: { title: '家庭人口数', type: 'number', readOnly: true },
  members: { title: '家庭成员', type: 'members' },
});

/** A member's attributes, named once for every form whose member table maps onto them. */
export const MEMBER_FIELDS: Readonly<Record<string, RegistryField>> = lookupTable<RegistryField>({
  name: { title: '姓名', type: 'string' },
  gender: { title: '性别', type: 'string' },
  idType: { title: '证件类型', type: 'string' },
  idNumber: { title: '证件号码', type: 'string' },
  relation: { title: '与户主关系', type: 'string' },
  ethnicity: { title: '民族', type: 'string' },
  politicalStatus: { title: '政治面貌', type: 'string' },
  education: { title: '文化程度', type: 'string' },
  schoolStatus: { title: '在校生状况', type: 'string' },
  health: { title: '健康状况', type: 'string' },
  laborSkill: { title: '劳动技能', type: 'string' },
  workArea: { title: '务工区域', type: 'string' },
  workPlace: { title: '务工地点', type: 'string' },
  workMonths: { title: '务工时间（月）', type: 'number' },
  dropoutReason: { title: '失学或辍学原因', type: 'string' },
  speaksMandarin: { title: '是否会讲普通话', type: 'boolean' },
  pensionInsurance: { title: '是否参加城乡居民（职工）基本养老保险', type: 'boolean' },
  medicalInsurance: { title: '是否参加城乡居民（职工）基本医疗保险', type: 'boolean' },
  seriousIllnessInsurance: { title: '是否参加大病保险', type: 'boolean' },
  minimumLivingAllowance: { title: '是否享受农村居民最低生活保障', type: 'boolean' },
  extremePovertySupport: { title: '是否特困供养人员', type: 'boolean' },
  relocated: { title: '是否易地扶贫搬迁（同步搬迁）人口', type: 'boolean' },
  commercialMedicalInsurance: { title: '是否参加商业补充医疗保险', type: 'boolean' },
  medicalAssistance: { title: '是否接受医疗救助', type: 'boolean' },
  addReason: { title: '增加原因', type: 'string' },
});
