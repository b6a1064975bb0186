// How the households to verify (重点核查户) are named to people: their sources, states and the
// reasons an officer closes one with first (any other text is taken too). One list for the
// officer's and the reviewer's pages and the server's exports.
export const VERIFICATION_SOURCE_LABELS = { application: '自主申请', warning: '部门预警', officer: '信息员发现' } as const;
export const VERIFICATION_STATE_LABELS = { open: '待核查', included: '已纳入', closed: '已关闭' } as const;
export const CLOSE_REASONS = ['不符合', '已是监测对象'] as const;
