// A compact household form for server tests, in the seeds' style: verified header fields, a member
// table, incomes with a computed per-capita value and a warning against the income line, a field
// shown only on a condition, two review levels (township, county), one per household, and effects
// on the registry. Server mechanics are tested with it; the real forms have their own tests.
import { residentIdCheckDigit, type FormDefinition } from '@engine';

export const SAMPLE_FORM_ID = 'household-check';

export const sampleForm: FormDefinition = {
  id: SAMPLE_FORM_ID,
  title: '农户核查表（测试）',
  parameters: { incomeLine: { title: '收入线（元/人·年）', type: 'number' } },
  schema: {
    type: 'object',
    required: ['headName', 'A2', 'A3', 'A28', 'members'],
    properties: {
      headName: { type: 'string', title: '户主姓名' },
      address: { type: 'string', title: '家庭住址' },
      A1: { type: 'boolean', title: 'A1 居住在安置区' },
      A2: { type: 'string', title: 'A2 安置区地址' },
      A3: { type: 'string', title: 'A3 监测对象类别', enum: ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] },
      members: {
        type: 'array', title: '家庭成员', minItems: 1,
        items: {
          type: 'object', required: ['name', 'idNumber'],
          properties: {
            name: { type: 'string', title: '姓名' },
            idNumber: { type: 'string', title: '证件号码', format: 'id-number' },
            relation: { type: 'string', title: '与户主关系' },
          },
        },
      },
      A28: { type: 'number', minimum: 0, title: 'A28 工资性收入（元）' },
      A34: { type: 'number', readOnly: true, title: 'A34 家庭人均纯收入（元）' },
    },
  },
  rules: {
    visibility: [{ field: 'A2', when: { '==': [{ var: 'A1' }, true] } }],
    computed: [{ field: 'A34', value: { round: [{ '/': [{ var: ['A28', 0] }, { count: { var: 'members' } }] }, 2] } }],
    validations: [{
      id: 'kind-line', field: 'A3', severity: 'warning',
      when: { '>=': [{ var: 'A34' }, { var: '$params.incomeLine' }] },
      assert: { '==': [{ var: 'A3' }, '突发严重困难户'] },
      message: 'A3 监测对象类别：人均纯收入 {{A34}} 元不低于收入线 {{$params.incomeLine}} 元，应为突发严重困难户',
    }],
  },
  registry: {
    prefill: [
      { field: 'headName', from: 'headName', verify: true },
      { field: 'address', from: 'address', verify: true },
      { field: 'members', from: 'members', columns: { name: 'name', idNumber: 'idNumber', relation: 'relation' } },
    ],
    effects: [{ type: 'setFields', set: { kind: { var: 'A3' }, identifiedMonth: { var: '$approval.month' } } }],
  },
  review: {
    levels: [{ id: 'township', title: '乡镇审核', divisionDigits: 9 }, { id: 'county', title: '县级确定', divisionDigits: 6 }],
    onePerHousehold: true,
  },
};

export function residentId(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

/** Households of 高滩村 (201) and 普安村 (202), as an administrator imports them. */
export function sampleHouseholds() {
  return [
    {
      divisionCode: '500118104201', headName: '张德明', headIdNumber: residentId('500118', '19650312', 11), kind: '脱贫户',
      address: '重庆市永川区临江镇高滩村3组', phone: '13983001234',
      members: [
        { name: '张德明', idNumber: residentId('500118', '19650312', 11), relation: '户主', gender: '男' },
        { name: '李秀兰', idNumber: residentId('500118', '19670805', 22), relation: '配偶', gender: '女' },
        { name: '张小军', idNumber: residentId('500118', '20120915', 31), relation: '之孙子', gender: '男' },
      ],
    },
    {
      divisionCode: '500118104201', headName: '王桂芳', headIdNumber: residentId('500118', '19580211', 42), kind: '一般农户',
      address: '重庆市永川区临江镇高滩村5组',
      members: [{ name: '王桂芳', idNumber: residentId('500118', '19580211', 42), relation: '户主', gender: '女' }],
    },
    {
      divisionCode: '500118104202', headName: '刘大勇', headIdNumber: residentId('500118', '19720530', 51), kind: '边缘易致贫户',
      address: '重庆市永川区临江镇普安村1组', identifiedMonth: '2021-03',
      members: [{ name: '刘大勇', idNumber: residentId('500118', '19720530', 51), relation: '户主', gender: '男' }],
    },
  ];
}
