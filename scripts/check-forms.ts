// npm run check-forms: checks every definition and campaign in form-definitions/ (shape,
// schema, rules, registry hooks, campaign parameters) and runs each form's shipped test cases
// under every campaign that uses it. Exits 1 on any error, printing each with its place.
import { loadFormDirectory } from '../server/forms/loadFormDirectory';
import { checkCampaign, checkDefinition, runCases } from '@engine';

const dir = process.argv[2] ?? 'form-definitions';
const { definitions, campaigns, cases, loadErrors } = loadFormDirectory(dir);
let errors = loadErrors.length;
for (const message of loadErrors) console.log(`✗ ${message}`);

for (const [id, definition] of definitions) {
  const problems = checkDefinition(definition);
  const bad = problems.filter((p) => p.severity === 'error');
  errors += bad.length;
  console.log(`${bad.length ? '✗' : '✓'} ${id}（${definition.title}）`);
  for (const p of problems) console.log(`    ${p.severity === 'error' ? '错误' : '提示'} ${p.path || '/'}：${p.message}`);
}

for (const campaign of campaigns) {
  const problems = checkCampaign(campaign, definitions);
  errors += problems.length;
  console.log(`${problems.length ? '✗' : '✓'} 活动 ${campaign.id}（${campaign.title}）`);
  for (const p of problems) console.log(`    错误 ${p.path}：${p.message}`);
  if (problems.length) continue;
  for (const formId of campaign.forms) {
    const definition = definitions.get(formId)!;
    if (checkDefinition(definition).some((p) => p.severity === 'error')) continue;
    const results = runCases(definition, cases.get(formId) ?? [], campaign.parameters);
    const failed = results.filter((r) => !r.passed);
    errors += failed.length;
    console.log(`    ${failed.length ? '✗' : '✓'} ${formId}：${results.length - failed.length}/${results.length} 个测试用例通过`);
    for (const r of failed) console.log(`        ✗ ${r.name}：${r.failures.join('；')}`);
  }
}

console.log(errors ? `\n共 ${errors} 个错误` : '\n全部通过');
process.exit(errors ? 1 : 0);
