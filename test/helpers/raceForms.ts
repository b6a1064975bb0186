// Small forms the race tests publish through the API: an identification that creates its
// household when approved (no review levels: any reviewer in the area gives the final approval),
// and a household form reviewed by the township then the county.
import type { FormDefinition } from '@engine';

export const identificationForm: FormDefinition = {
  id: 'race-identification', title: '新识别农户（测试）', createsHousehold: true,
  schema: {
    type: 'object', required: ['divisionCode', 'headName', 'headIdNumber'],
    properties: {
      divisionCode: { type: 'string', title: '行政区划代码' },
      headName: { type: 'string', title: '户主姓名' },
      headIdNumber: { type: 'string', title: '户主证件号码', format: 'id-number' },
    },
  },
  registry: {
    effects: [{
      type: 'setFields', createIfMissing: true,
      set: { divisionCode: { var: 'divisionCode' }, headName: { var: 'headName' }, headIdNumber: { var: 'headIdNumber' } },
    }],
  },
};

export const reviewedForm: FormDefinition = {
  id: 'race-check', title: '核查表（测试）',
  schema: { type: 'object', required: ['A1'], properties: { A1: { type: 'string', title: 'A1 核查结果' } } },
  review: { levels: [{ id: 'township', title: '乡镇审核', divisionDigits: 9 }, { id: 'county', title: '县级确定', divisionDigits: 6 }] },
};
