// The causes (因病, 因灾…) a household to verify names, written once for both ends: the server words
// an application's item as "自主申请（因病、因务工就业不稳）：<what happened>", and the identification
// form opened for an item picks its risk choices from these causes. Any other item (a warning, an
// officer's finding) names its cause, if at all, by starting its reason with it ("因病：…").
const APPLICATION = /^自主申请（([^）]*)）/;

/** The reason of an application's item: its risks (main first) and what the household wrote, at most 500 characters. */
export function applicationReason(risks: readonly string[], description: string): string {
  return `自主申请（${risks.join('、')}）：${description}`.slice(0, 500);
}

/** The causes a reason names: an application's risks, or else the reason itself (to be matched by its start). */
export function reasonCauses(reason: string): string[] {
  const risks = APPLICATION.exec(reason)?.[1];
  return risks ? risks.split('、').filter(Boolean) : [reason];
}
