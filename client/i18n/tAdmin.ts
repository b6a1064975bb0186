// t for the administrator's pages: the shared strings and the administrator's own (zh-admin.ts,
// zh-divisions.ts).
import { createT } from './createT';
import { en } from './en';
import { zh } from './zh';
import { zhAdmin } from './zh-admin';
import { zhDivisions } from './zh-divisions';

export const t = createT({ ...zh, ...zhAdmin, ...zhDivisions }, en);
