// The demo township (filled in by the demo-data work): divisions, households of every kind with
// their members, and officer and reviewer accounts printed on the console.
import type { Deps } from '../deps';

export async function seedDemo(deps: Deps): Promise<void> {
  deps.log.info('演示数据：尚未提供');
}
