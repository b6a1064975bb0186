// t('savedLocally', {time: '10:02'}): a shared or officer's string (see createT.ts).
import { createT } from './createT';
import { en } from './en';
import { zh } from './zh';

export type MessageKey = keyof typeof zh;

export const t = createT(zh, en);
