import { describe, expect, it } from 'vitest';
import type { Issue } from '@engine';
import { FormStore, SHOWN_ISSUES_KEYS } from '../../client/form/FormStore';

const issue = (path: string): Issue => ({ path, code: 'required', field: path.slice(path.lastIndexOf('/') + 1), message: `${path} 为必填项`, severity: 'error' });

function store(issues: Issue[], touched: string[]) {
  return new FormStore({
    data: {}, hidden: new Set(), hiddenSections: new Set(), issues, touched: new Set(touched), showAll: false,
    verify: { fields: new Set(), registry: {}, confirmed: new Set(), correcting: new Set() }, explanations: {}, fieldNotes: [],
  });
}

describe('FormStore', () => {
  it('shows the issues of touched fields and of rows inside a touched table', () => {
    const s = store([issue('/A28'), issue('/A29'), issue('/members/2/A5')], ['/A28', '/members']);
    expect([...s.shownIssues().keys()]).toEqual(['/A28', '/members/2/A5']);
    expect(s.hasShownIssuesWithin('/members/2')).toBe(true);
    expect(s.hasShownIssuesWithin('/members/1')).toBe(false);
  });

  it('keeps the same shown issues while only the data changes, and recomputes them when the issues do', () => {
    const s = store([issue('/A28')], ['/A28']);
    const before = s.shownIssuesAt('/A28');
    s.update({ data: { A28: 5 } });
    expect(s.shownIssuesAt('/A28')).toBe(before);
    s.update({ issues: [] });
    expect(s.shownIssuesAt('/A28')).toEqual([]);
  });

  it('asks a listener only about the parts it reads: a keystroke does not wake the fields waiting for their issues', () => {
    const s = store([issue('/A28')], []);
    const calls = { all: 0, data: 0, issues: 0 };
    s.subscribe(() => { calls.all += 1; });
    s.subscribe(() => { calls.data += 1; }, ['data']);
    s.subscribe(() => { calls.issues += 1; }, SHOWN_ISSUES_KEYS);
    s.update({ data: { A28: 5 } });
    s.update({ data: { A28: 56 }, hidden: s.get().hidden });
    expect(calls).toEqual({ all: 2, data: 2, issues: 0 });
    s.update({ touched: new Set(['/A28']) });
    expect(calls).toEqual({ all: 3, data: 2, issues: 1 });
  });
});
