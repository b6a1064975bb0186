// What a clone left to confirm (待确认), as an administrator reads it: confirming items (by their
// keys, 'description' or 'parameters.<name>'), values an administrator changes counting as
// confirmed, and the refusal to open a campaign while anything is left, naming every item.
import type { ParameterDeclaration } from '@engine';
import { Problem } from '../problem';
import type { CampaignRecord } from '../store/records';

/** '活动说明' or the parameter's title with its name: '收入线（元/人·年）（incomeLine）'. */
export function confirmationLabel(key: string, declarations: Record<string, ParameterDeclaration>): string {
  if (key === 'description') return '活动说明';
  const name = key.replace(/^parameters\./, '');
  const title = declarations[name]?.title;
  return title ? `${title}（${name}）` : `参数 ${name}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The items still to confirm after a change: those named in `confirm` are confirmed (a key that is
 * not waiting is a 400 naming it), and so is every item whose value the change sets to something else.
 */
export function remainingConfirmations(
  before: Pick<CampaignRecord, 'unconfirmed' | 'description' | 'parameters'>,
  after: { description: string; parameters: Record<string, unknown> },
  confirm: string[],
): string[] {
  for (const [i, key] of confirm.entries()) {
    if (!before.unconfirmed.includes(key)) throw new Problem('bad_request', `请求字段 confirm.${i} 不正确：${key} 不是待确认的项目`);
  }
  return before.unconfirmed.filter((key) => {
    if (confirm.includes(key)) return false;
    if (key === 'description') return same(before.description, after.description);
    const name = key.replace(/^parameters\./, '');
    return Object.hasOwn(after.parameters, name) && same(before.parameters[name], after.parameters[name]);
  });
}

/** 422 when a campaign would open with items unconfirmed, naming each. */
export function refuseOpeningUnconfirmed(title: string, unconfirmed: string[], declarations: Record<string, ParameterDeclaration>): void {
  if (unconfirmed.length === 0) return;
  const labels = unconfirmed.map((key) => confirmationLabel(key, declarations));
  throw new Problem('unconfirmed_campaign', `活动“${title}”还有 ${labels.length} 项待确认，不能开放：${labels.join('、')}。请逐项核对并确认后再开放`, { unconfirmed });
}
