// The answer to a change made against a revision that is no longer the stored one: 409 with the
// current revision (in the message, for the person; in details, for the page that reloads), so
// the loser of a race learns that someone else changed the thing, never that theirs was saved.
import { Problem } from '../problem';

/** `what`: the thing changed, as the sentence names it (该活动, 草稿, 该账号…). */
export function staleRevision(what: string, current: number): Problem {
  return new Problem('stale_revision', `${what}已被他人修改（当前版本 ${current}），请刷新后再改`, { revision: current });
}
