// A stand-in for the server behind the officer's lists, in component tests: the session, the
// divisions, the household states (narrowed to a village when asked) and the plain household list,
// answering from the fixtures; `online = false` cuts the network; `states` can be changed.
import { vi } from 'vitest';
import type { HouseholdStates } from '../../../client/glance/householdStates';
import { areaStates, SHIMIAO, SHUANGFENG } from './fixtures';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function fakeGlanceServer(scope: string[] = [SHIMIAO, SHUANGFENG]) {
  const state = { online: true, states: areaStates() as HouseholdStates };
  const requests: string[] = [];
  const officer = { id: 'u-1', username: 'shimiao', displayName: '石庙村信息员', role: 'officer', scope };
  const divisions = [
    { code: '500118104', name: '双石镇', parentCode: '500118' },
    { code: SHIMIAO, name: '石庙村', parentCode: '500118104' },
    { code: SHUANGFENG, name: '双凤村', parentCode: '500118104' },
  ].filter((d) => d.code.length < 12 || scope.includes(d.code));
  const inScope = (code: string) => scope.some((s) => code.startsWith(s));

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://local');
    const method = (init.method ?? 'GET').toUpperCase();
    requests.push(`${method} ${url.pathname}${url.search}`);
    if (!state.online) throw new TypeError('Failed to fetch');
    if (method !== 'GET') return json(503, { error: { code: 'unavailable', message: '服务暂不可用' } });
    const division = url.searchParams.get('division') ?? '';
    const households = state.states.households.filter((h) => inScope(h.divisionCode) && h.divisionCode.startsWith(division));
    switch (url.pathname) {
      case '/api/session': return json(200, { user: officer, csrfToken: 'csrf-1' });
      case '/api/divisions': return json(200, { items: divisions });
      case '/api/forms': return json(200, { items: [] });
      case '/api/campaigns': return json(200, { items: [] });
      case '/api/households/states':
        return json(200, { ...state.states, households, unregistered: state.states.unregistered.filter((s) => inScope(s.divisionCode) && s.divisionCode.startsWith(division)) });
      case '/api/households': {
        const q = url.searchParams.get('q') ?? '';
        const items = households.filter((h) => !q || h.headName.includes(q)).map(({ submissions: _, ...h }) => ({ ...h, members: [] }));
        return json(200, { items, total: items.length, page: 1, pageSize: 200 });
      }
      default: return json(404, { error: { code: 'not_found', message: `未模拟 ${url.pathname}` } });
    }
  });
  return { fetch, state, requests };
}
