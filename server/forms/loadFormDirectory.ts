// Reads form-definitions/: each <form-id>/definition.json (with its cases.json) and each
// campaigns/<id>.json. Unreadable files are reported, not thrown, so one bad file does not hide
// the others' problems.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Campaign, FormCase, FormDefinition } from '@engine';

export interface FormDirectory {
  definitions: Map<string, FormDefinition>;
  cases: Map<string, FormCase[]>;
  campaigns: Campaign[];
  loadErrors: string[];
}

function readJson(path: string, errors: string[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    errors.push(`${path}：无法读取（${(e as Error).message}）`);
    return undefined;
  }
}

export function loadFormDirectory(dir: string): FormDirectory {
  const out: FormDirectory = { definitions: new Map(), cases: new Map(), campaigns: [], loadErrors: [] };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'campaigns') continue;
    const file = join(dir, entry.name, 'definition.json');
    if (!existsSync(file)) continue;
    const definition = readJson(file, out.loadErrors) as FormDefinition | undefined;
    if (!definition) continue;
    if (definition.id !== entry.name) out.loadErrors.push(`${file}：id "${definition.id}" 应与目录名 ${entry.name} 相同`);
    out.definitions.set(definition.id, definition);
    const casesFile = join(dir, entry.name, 'cases.json');
    if (existsSync(casesFile)) out.cases.set(definition.id, (readJson(casesFile, out.loadErrors) as FormCase[] | undefined) ?? []);
  }
  const campaignDir = join(dir, 'campaigns');
  if (existsSync(campaignDir)) {
    for (const name of readdirSync(campaignDir).filter((n) => n.endsWith('.json')).sort()) {
      const campaign = readJson(join(campaignDir, name), out.loadErrors) as Campaign | undefined;
      if (campaign) out.campaigns.push(campaign);
    }
  }
  return out;
}
