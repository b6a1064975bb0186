// The JavaScript an officer's phone loads on the first visit (log in, the village's households),
// and what a fill page opened cold loads (the form's own chunk with rjsf, loaded when a form is
// first opened), gzipped, by file and by package, beside the figures before. Shares by package
// are estimates: each package's code of the loaded files gzipped alone, scaled to the files' real
// gzipped total.
// `npm run bench first-load` measures only this; the client bench prints it too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { buildClient, launchBrowser, logIn, phone, startServer, toMyVillage } from '../test/e2e/harness';
import { fmt, heading } from './measure';

/** Gzipped KB (1024 bytes) of the officer's first load before precompiled validators: the base commit built and measured as here, 2026-12-07. */
export const BEFORE_PRECOMPILED_KB = 225.1;
/** The same before issue 12's part 5 (one chunk for every officer page, the form's included, markdown-to-jsx too), 2026-12-07. */
export const BEFORE_SPLIT_KB = 202.9;
const TARGET_KB = 180;

function packageOf(id: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (match) return match[1]!;
  if (id.includes('/engine/')) return '(engine)';
  return '(client)';
}

/** Each module's rendered code in the built chunks, by file name (the same build as buildClient's: same names). */
async function chunkModules(): Promise<Map<string, [string, string][]>> {
  const result = await build({ logLevel: 'silent', build: { write: false } }) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = new Map<string, [string, string][]>();
  for (const output of outputs) {
    if (output.type !== 'chunk') continue;
    chunks.set(`/${output.fileName}`, Object.entries(output.modules).map(([id, m]) => [id, m.code ?? '']));
  }
  return chunks;
}

/** Prints a first load; `scripts` are the paths of the scripts the page requested. */
export async function reportFirstLoad(scripts: string[], outDir: string, what = 'officer\'s first page load (log in, 我的待办, the village)'): Promise<void> {
  const sizes = scripts.map((path) => ({ path, gzipped: gzipSync(readFileSync(join(outDir, path))).length }));
  const total = sizes.reduce((sum, s) => sum + s.gzipped, 0);
  console.log(`${what}: ${scripts.length} script(s), ${fmt(total / 1024, 1)} KB gzipped; before: ${fmt(BEFORE_SPLIT_KB, 1)} KB (${fmt(total / 1024 - BEFORE_SPLIT_KB, 1)} KB), before precompiled validators ${fmt(BEFORE_PRECOMPILED_KB, 1)} KB   target ≤ ${TARGET_KB} KB (reviewer and administrator pages load separately)`);
  for (const s of sizes) console.log(`  ${s.path}: ${fmt(s.gzipped / 1024, 1)} KB gzipped`);
  const modules = await chunkModules();
  const byPackage = new Map<string, string>();
  let ajvCompiler = false;
  for (const path of scripts) {
    for (const [id, code] of modules.get(path) ?? []) {
      if (/node_modules\/ajv\/dist\/(compile|core|standalone)/.test(id)) ajvCompiler = true;
      byPackage.set(packageOf(id), (byPackage.get(packageOf(id)) ?? '') + code);
    }
  }
  const alone = [...byPackage].map(([name, code]) => ({ name, gzipped: gzipSync(code).length }));
  const sumAlone = alone.reduce((sum, p) => sum + p.gzipped, 0);
  const shares = alone.sort((a, b) => b.gzipped - a.gzipped).map((p) => `${p.name} ${fmt((p.gzipped / sumAlone) * total / 1024, 1)}`);
  console.log(`  by package (KB gzipped, estimated): ${shares.join(', ')}`);
  console.log(`  ajv's compiler in the first load: ${ajvCompiler ? 'yes' : 'no'} (form validators come precompiled from the server, per form version)`);
}

/** The scripts a page requests from now on (their paths). */
export function watchScripts(page: Page): Set<string> {
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  return scripts;
}

export async function runFirstLoadBench(): Promise<void> {
  heading('client: the officer\'s first page load');
  const outDir = await buildClient();
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  try {
    const context = await phone(browser, server.url);
    const page = await context.newPage();
    const scripts = watchScripts(page);
    await logIn(page, 'gaotan');
    await toMyVillage(page);
    await page.waitForLoadState('networkidle');
    await reportFirstLoad([...scripts], outDir);
    // What opening a form adds: its version's validator module, fetched once and kept.
    const sizes: string[] = [];
    for (const form of (await (await page.request.get('/api/forms')).json()).items as { id: string; version: number }[]) {
      const body = await (await page.request.get(`/api/forms/${form.id}/versions/${form.version}/validators.js`)).body();
      sizes.push(`${form.id} ${fmt(gzipSync(body).length / 1024, 1)}`);
    }
    console.log(`  opening a form adds its validator module (KB gzipped, once per version): ${sizes.join(', ')}`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runFirstLoadBench();
