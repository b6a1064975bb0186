// t for the 民主评议 and 公示 pages: the shared and reviewer strings plus their own (zh-deliberation.ts).
import { createT } from './createT';
import { zh } from './zh';
import { zhDeliberation } from './zh-deliberation';
import { zhReviewer } from './zh-reviewer';

export const t = createT({ ...zh, ...zhReviewer, ...zhDeliberation });
