// The monitoring-object tests' shared households, filled as officers fill them: 陈国富's of
// 永川区临江镇 (and as the registry knows it), 李扎约's of 双江县勐勐镇 at a chosen income, 王洪生's of
// 临淄区稷下街道, with the signatures and screening answers every complete form carries.
import { residentIdCheckDigit, type EvaluationResult, type FormData, type Household } from '@engine';

export const FORM = 'monitoring-object';

/** An 18-digit resident ID: region, birth date, a sequence whose last digit is odd for men. */
function residentId(region: string, birth: string, sequence: number, gender: '男' | '女'): string {
  const seq = String(sequence * 2 + (gender === '男' ? 1 : 0)).padStart(3, '0');
  const first17 = `${region}${birth}${seq}`;
  return first17 + residentIdCheckDigit(first17);
}

export type Row = Record<string, unknown>;

function member(fields: Row): Row {
  return { A9: '汉族', A10: '群众', A17: true, A18: true, A19: true, A20: false, A21: false, A22: false, ...fields };
}

/** A drawn signature: the sample reference (the SHA-256 of "abc", as a PNG). */
export const SIGNED = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png';
/** 双签字确认 (004): the household head and the officer have signed. */
export const BOTH_SIGNED = { headSignature: SIGNED, officerSignature: SIGNED };

export const NO_EXCLUSION = { E1: false, E2: false, E3: false, E4: false, E5: false, E6: false, E7: false, E8: false, E9: false, E10: false };

// 重庆市永川区临江镇高滩村3组：陈国富 works in the county, his wife has a serious illness, their son
// works in another province, their granddaughter is at primary school.
export const CHEN = [
  member({ A5: '陈国富', A6: '男', A7: residentId('500118', '19680412', 31, '男'), A8: '户主', A11: '初中', A12: '非在校生', A13: '健康', A14: '普通劳动力', A15: '县外省内', A16: 9 }),
  member({ A5: '刘素芬', A6: '女', A7: residentId('500118', '19700903', 32, '女'), A8: '配偶', A11: '小学', A12: '非在校生', A13: '患大病', A14: '丧失劳动力' }),
  member({ A5: '陈小龙', A6: '男', A7: residentId('500118', '19950218', 33, '男'), A8: '之子', A10: '共青团员', A11: '中专（中职）', A12: '非在校生', A13: '健康', A14: '技能劳动力', A15: '省外', A16: 11 }),
  member({ A5: '陈雨桐', A6: '女', A7: residentId('500118', '20160722', 34, '女'), A8: '之孙女', A11: '小学', A12: '小学', A13: '健康', A14: '无劳动力', A19: false }),
];

export function chenHousehold(overrides: FormData = {}): FormData {
  return {
    fillDate: '2021-11-12', divisionCode: '500118104201', address: '重庆市永川区临江镇高滩村3组', phone: '13883451276',
    ...NO_EXCLUSION, ...BOTH_SIGNED,
    A1: false, A3: '突发严重困难户', members: CHEN,
    A23: false, A24: false, A25: false, A27: ['因病'],
    A28: 58000, A29: 6500, A30: 800, A31: 4200, A32: 2300, A35: 12000, A36: 38000,
    A45: ['大病保险', '医疗救助'], A48: ['临时救助'], A51: true,
    A55: '黄建平', A55_phone: '13996218845', filler: '黄建平', fillerPhone: '13996218845',
    ...overrides,
  };
}

export function withMember(index: number, patch: Row, rows: Row[] = CHEN): Row[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

export const CHEN_IN_REGISTRY: Household = {
  id: 'h-500118104201-031', divisionCode: '500118104201', headName: '陈国富', headIdNumber: CHEN[0]!.A7 as string,
  address: '重庆市永川区临江镇高滩村3组', phone: '13883451276', kind: '突发严重困难户', identifiedMonth: '2021-03',
  members: CHEN.map((m) => ({ name: m.A5 as string, idNumber: m.A7 as string, relation: m.A8 as string, gender: m.A6 as string, health: m.A13 })),
};

// 云南省临沧市双江县勐勐镇彝家村2组：a Lahu family of three, the son at junior middle school.
export const LI = [
  member({ A5: '李扎约', A6: '男', A7: residentId('530925', '19760305', 41, '男'), A8: '户主', A9: '拉祜族', A11: '小学', A12: '非在校生', A13: '健康', A14: '普通劳动力', A15: '乡（镇）外县内', A16: 6 }),
  member({ A5: '李娜妥', A6: '女', A7: residentId('530925', '19790811', 42, '女'), A8: '配偶', A9: '拉祜族', A11: '小学', A12: '非在校生', A13: '长期慢性病', A14: '弱劳动力或半劳动力' }),
  member({ A5: '李扎妥', A6: '男', A7: residentId('530925', '20090416', 43, '男'), A8: '之子', A9: '拉祜族', A11: '小学', A12: '初中', A13: '健康', A14: '无劳动力', A19: false }),
];

/** The 李扎约 household with a net income of `perCapita` yuan per person (3 people). */
export function liHousehold(perCapita: number, A3: string): FormData {
  return {
    fillDate: '2021-11-08', divisionCode: '530925100203', address: '云南省临沧市双江拉祜族佤族布朗族傣族自治县勐勐镇彝家村2组', phone: '15808830516',
    ...NO_EXCLUSION, ...BOTH_SIGNED,
    A1: false, A3, members: LI, A23: false, A24: false, A25: false, A27: ['因务工就业不稳'],
    // 9600 + 6800 + 0 + transfers - 1200 = 3 × perCapita
    A28: 9600, A29: 6800, A30: 0, A31: perCapita * 3 - 15200, A32: 1200, A35: 0, A36: 2500,
    A39: ['种植业'], A40: ['劳务输出'],
    A55: '罗文华', A55_phone: '13987060321', filler: '罗文华', fillerPhone: '13987060321',
  };
}

export const LI_POVERTY_EXITED: Household = {
  divisionCode: '530925100203', headName: '李扎约', headIdNumber: LI[0]!.A7 as string, kind: '脱贫户',
  members: LI.map((m) => ({ name: m.A5 as string, idNumber: m.A7 as string, relation: m.A8 as string })),
};

// 山东省淄博市临淄区稷下街道南卧石村：an elderly couple living on pensions and a small plot.
export function wangHousehold(A3: string): FormData {
  return {
    fillDate: '2023-11-20', divisionCode: '370305004201', address: '山东省淄博市临淄区稷下街道南卧石村', phone: '05337186402',
    ...NO_EXCLUSION, ...BOTH_SIGNED,
    A1: false, A3,
    members: [
      member({ A5: '王洪生', A6: '男', A7: residentId('370305', '19510620', 51, '男'), A8: '户主', A11: '小学', A12: '非在校生', A13: '长期慢性病', A14: '弱劳动力或半劳动力', A15: '乡（镇）内', A16: 0 }),
      member({ A5: '孙秀珍', A6: '女', A7: residentId('370305', '19531127', 52, '女'), A8: '配偶', A11: '文盲或半文盲', A12: '非在校生', A13: '残疾', A14: '丧失劳动力' }),
    ],
    A23: false, A24: false, A25: false, A27: ['因残', '缺劳动力'],
    A28: 0, A29: 3000, A30: 200, A31: 10800, A32: 1000, A35: 0, A36: 1800,
    A48: ['残疾人补贴'],
    A55: '李红梅', A55_phone: '13853326617', filler: '李红梅', fillerPhone: '13853326617',
  };
}

export function messages(result: EvaluationResult): string[] {
  return [...result.errors, ...result.warnings].map((i) => `${i.path} ${i.message}`);
}
