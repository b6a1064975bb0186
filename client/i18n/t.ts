// t('savedLocally', {time: '10:02'}): a UI string with its {placeholders} filled in.
import { zh, type MessageKey } from './zh';

const table: Record<MessageKey, string> = zh;

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
