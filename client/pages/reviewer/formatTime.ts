// Times as a reviewer reads them: China time, to the minute ("2021-11-20 17:05").
import { chinaTimeText } from '@engine';

export function formatTime(iso: string | null | undefined): string {
  return iso ? chinaTimeText(iso) : '';
}
