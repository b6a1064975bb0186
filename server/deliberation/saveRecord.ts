// A 民主评议 / 公示 record written with its submissions' events: a submission that moved meanwhile
// (another recorder, an approval, a return) is a 409 and nothing is written.
import type { DeliberationRecord } from '@engine';
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { DeliberationWrite } from '../store/DeliberationStore';
import { StoreConflict } from '../store/Store';

export async function saveRecord(deps: Deps, write: DeliberationWrite): Promise<DeliberationRecord> {
  try {
    return await deps.store.saveDeliberation(write);
  } catch (e) {
    if (!(e instanceof StoreConflict) || e.kind === 'exists') throw e;
    throw new Problem('stale_revision', '有提交或记录刚被他人修改（审核、退回或另一条记录），本次记录未保存，请刷新后再记', { kind: e.kind });
  }
}
