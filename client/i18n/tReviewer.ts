// t for the reviewer's pages: the shared strings and the reviewer's own (zh-reviewer.ts), each
// with its English (en.ts, en-reviewer.ts).
import { createT } from './createT';
import { en } from './en';
import { enReviewer } from './en-reviewer';
import { zh } from './zh';
import { zhReviewer } from './zh-reviewer';

export const t = createT({ ...zh, ...zhReviewer }, { ...en, ...enReviewer });
