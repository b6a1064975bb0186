// A village as GET /api/households/states answers it, and drafts as the phone keeps them, for the
// glance's tests: 石庙村 with a returned 回头看, one waiting on the township, one approved, households
// not started, and 双凤村 beside it.
import type { HouseholdStates } from '../../../client/glance/householdStates';
import type { LocalDraft } from '../../../client/offline/LocalDraft';

export const SHIMIAO = '500118104201';
export const SHUANGFENG = '500118104202';

const FORMS: HouseholdStates['forms'] = [
  { campaignId: '2021-lookback', campaignTitle: '2021年监测对象“回头看”', year: 2021, formId: 'lookback', formTitle: '监测对象“回头看”信息采集表', kinds: ['脱贫不稳定户', '边缘易致贫户'], divisions: [] },
  { campaignId: '2021', campaignTitle: '2021年度防返贫监测动态调整和信息采集', year: 2021, formId: 'income-ledger', formTitle: '收入明细账', kinds: ['脱贫户', '脱贫不稳定户', '边缘易致贫户'], divisions: [] },
  { campaignId: '2021', campaignTitle: '2021年度防返贫监测动态调整和信息采集', year: 2021, formId: 'member-additions', formTitle: '家庭成员自然增加情况表', kinds: null, divisions: [] },
];

const household = (id: string, headName: string, kind: string, divisionCode = SHIMIAO, submissions: HouseholdStates['households'][number]['submissions'] = []) => ({
  id, divisionCode, headName, headIdNumber: `50011819650312${id.slice(-4).padStart(4, '0')}`, kind, address: `重庆市永川区双石镇石庙村1组`, memberCount: 4, submissions,
});

const at = '2021-11-20T01:00:00.000Z';

export function villageStates(): HouseholdStates {
  return {
    forms: FORMS,
    households: [
      household('h-0001', '陈秀兰', '边缘易致贫户', SHIMIAO, [{ id: 's-chen', formId: 'lookback', campaignId: '2021-lookback', status: 'approved', revision: 4, returnComment: null, updatedAt: at }]),
      household('h-0002', '李建国', '脱贫户'),
      household('h-0003', '刘大山', '脱贫不稳定户', SHIMIAO, [{ id: 's-liu', formId: 'lookback', campaignId: '2021-lookback', status: 'draft', revision: 1, returnComment: null, updatedAt: at }]),
      household('h-0004', '王桂芳', '边缘易致贫户', SHIMIAO, [{ id: 's-wang', formId: 'lookback', campaignId: '2021-lookback', status: 'submitted', revision: 2, returnComment: null, updatedAt: at }]),
      household('h-0005', '张德明', '脱贫不稳定户', SHIMIAO, [{ id: 's-zhang', formId: 'lookback', campaignId: '2021-lookback', status: 'returned', revision: 3, returnComment: 'C2 收入区间与务工收入不符，请核实后重新提交', updatedAt: at }]),
    ],
    unregistered: [],
    at,
  };
}

export function areaStates(): HouseholdStates {
  const village = villageStates();
  return {
    ...village,
    households: [
      ...village.households,
      household('h-0101', '周永福', '脱贫户', SHUANGFENG, [{ id: 's-zhou', formId: 'income-ledger', campaignId: '2021', status: 'returned', revision: 2, returnComment: '务工收入漏填', updatedAt: at }]),
      household('h-0102', '黄玉梅', '一般农户', SHUANGFENG),
    ],
  };
}

export function localDraft(overrides: Partial<LocalDraft>): LocalDraft {
  return {
    id: 'd-1', formId: 'income-ledger', formVersion: 1, formTitle: '收入明细账', campaignId: '2021', householdId: 'h-0001', householdKey: 'h-0001',
    headName: '陈秀兰', divisionCode: SHIMIAO, data: {}, prefill: {}, confirmed: [], serverRevision: null, serverStatus: null, returnComment: null,
    pending: null, problem: null, serverIssues: [], duplicateOf: null, updatedAt: '2021-11-21T02:00:00.000Z', syncedAt: null, ...overrides,
  };
}
