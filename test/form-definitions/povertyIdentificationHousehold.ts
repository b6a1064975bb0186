// The poverty-identification tests' shared household: 陈国华's of 永川区临江镇高滩村 as the village
// officer records it in November 2021, its members' ID numbers, and helpers that change its rows.
import type { FormData } from '@engine';
import { residentId } from '../helpers/sampleForm';

export const FORM = 'poverty-identification';

export const CHEN_GUOHUA = residentId('500118', '19680412', 13);
export const LIU_SUFEN = residentId('500118', '19700903', 24);
export const CHEN_XIAOLONG = residentId('500118', '19940618', 35);
const CHEN_SIYU = residentId('500118', '20140322', 62);
export const CHEN_HAO = residentId('500118', '20080510', 51);

export type Row = Record<string, unknown>;

/** A member with the answers most rows share; each row names what is its own. */
export function member(own: Row): Row {
  return {
    A2: '男', A3: '居民身份证', A6: '汉族', A7: '群众', A8: '初中', A9: '非在校生', A10: '健康', A11: '普通劳动力',
    A15: true, A16: true, A17: true, A18: true, A19: false, A20: false, A51: false,
    ...own,
  };
}

function members(): Row[] {
  return [
    member({ A1: '陈国华', A4: CHEN_GUOHUA, A5: '户主', A8: '小学', A10: '长期慢性病', A11: '弱劳动力或半劳动力' }),
    member({ A1: '刘素芬', A2: '女', A4: LIU_SUFEN, A5: '配偶', A8: '小学', A10: '患大病', A11: '丧失劳动力', A51: true }),
    member({ A1: '陈小龙', A4: CHEN_XIAOLONG, A5: '之子', A8: '高中', A11: '技能劳动力', A12: '省外', A13: 10, A16: false }),
    member({ A1: '陈思雨', A2: '女', A4: CHEN_SIYU, A5: '之孙女', A8: '小学', A9: '小学', A11: '无劳动力', A16: false }),
  ];
}

/** 陈国华's household as the village officer records it in November 2021. */
export function chenHousehold(): FormData {
  return {
    divisionCode: '500118104201',
    address: '重庆市永川区临江镇高滩村',
    group: '3组',
    phone: '13983011234',
    bank: '重庆农村商业银行永川支行',
    bankAccount: '6228480469123456789',
    A23: '国家',
    A25: false,
    members: members(),
    A27a: '因病', A27b: '缺劳动力', A27c: '缺资金',
    A28: 12000,
    A29a: 0, A29b: 2400, A29c: 0, A29d: 1680, A29e: 320, A29f: 0,
    A30: 6500,
    A31a: 300, A31b: 0,
    A32: 2200,
    A33: 3.5, A34: 0, A35: 0.4, A36: 6, A36a: 2, A36b: 1.5,
    A37: '砂石路', A38: 1.2, A39: false, A40: 'C级', A41: 86, A42: true, A43: false, A44: true, A45: '柴草',
    A46: false, A47: false, A48: true,
    helpers: [{
      name: '王建军', gender: '男', politicalStatus: '中共党员', unit: '永川区农业农村委员会',
      startDate: '2021-11-10', phone: '13908371234',
    }],
    filler: '周明亮', fillerPhone: '13594561234', headSigned: true, fillDate: '2021-11-12',
  };
}

export function withMembers(change: (rows: Row[]) => void): FormData {
  const data = chenHousehold();
  change(data.members as Row[]);
  return data;
}
