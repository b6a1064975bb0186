// 重庆市永川区临江镇高滩村：陈国富's household of four, as the formula tests fill the seed forms with
// it and as the registry knows it.
import type { Household } from '@engine';
import { residentId } from './formulaScope';

const CHEN_MEMBERS = [
  { A5: '陈国富', A6: '男', A7: residentId('500118', '19680412', '031'), A8: '户主', A14: '普通劳动力', A16: 9, A17: true },
  { A5: '刘素芬', A6: '女', A7: residentId('500118', '19700903', '032'), A8: '配偶', A14: '丧失劳动力', A17: true },
  { A5: '陈小军', A6: '男', A7: residentId('500118', '19920315', '051'), A8: '之子', A14: '普通劳动力', A16: 11, A17: false },
  { A5: '陈思雨', A6: '女', A7: residentId('500118', '20140620', '062'), A8: '之孙女', A14: '无劳动力', A17: true },
];
export const CHEN = {
  divisionCode: '500118104201', A1: false, A3: '边缘易致贫户', members: CHEN_MEMBERS,
  A28: 36000, A29: 4500, A31: 2860.5, A32: 1200, A35: 3000, A36: 8000,
};
export const CHEN_HOUSEHOLD: Household = {
  divisionCode: '500118104201', headName: '陈国富', headIdNumber: CHEN_MEMBERS[0]!.A7, kind: '一般农户',
  members: CHEN_MEMBERS.map((m) => ({ name: m.A5, idNumber: m.A7, relation: m.A8, gender: m.A6 })),
};
