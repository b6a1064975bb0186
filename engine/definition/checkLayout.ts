// Checks what surrounds the schema: sections name existing top-level fields once each, uiSchema
// keys name fields, markers that fill fields are well formed, review levels go up the hierarchy (village -> township -> county).
import type { FieldIndex } from '../schema/fieldIndex';
import { checkFillOptions } from './checkFillOptions';
import { checkMessageReferences } from './checkReferences';
import type { DefinitionProblem, FormDefinition } from '../types';

function error(path: string, message: string): DefinitionProblem {
  return { path, message, severity: 'error' };
}

export function checkLayout(definition: FormDefinition, index: FieldIndex): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const sectionIds = new Set<string>();
  const placed = new Map<string, string>();
  (definition.sections ?? []).forEach((section, i) => {
    const base = `/sections/${i}`;
    if (sectionIds.has(section.id)) problems.push(error(`${base}/id`, `分区编号 "${section.id}" 重复`));
    sectionIds.add(section.id);
    section.fields.forEach((field, j) => {
      if (!index.topLevel.includes(field)) problems.push(error(`${base}/fields/${j}`, `分区 ${section.id} 中的字段 "${field}" 不是表单的顶层字段`));
      const other = placed.get(field);
      if (other) problems.push(error(`${base}/fields/${j}`, `字段 ${field} 同时出现在分区 ${other} 和 ${section.id} 中`));
      placed.set(field, section.id);
    });
  });
  (definition.sections ?? []).forEach((section, i) => {
    if (section.description) problems.push(...checkMessageReferences(section.description, `/sections/${i}/description`, { definition, index, ruleTable: null }));
  });
  problems.push(...uiTextProblems(definition.uiSchema ?? {}, '/uiSchema', definition, index));
  problems.push(...checkFillOptions(definition, index));
  const keyFields = ((definition.uiSchema?.['ui:options'] ?? {}) as { keyFields?: unknown }).keyFields;
  if (keyFields !== undefined) {
    if (!Array.isArray(keyFields)) problems.push(error('/uiSchema/ui:options/keyFields', 'keyFields 应为字段编码的列表（审核表格中显示的关键值）'));
    else keyFields.forEach((key, i) => {
      const info = typeof key === 'string' ? index.fields.get(key) : undefined;
      if (info?.kind !== 'leaf' || info.table !== null) {
        problems.push(error(`/uiSchema/ui:options/keyFields/${i}`, `关键值 "${String(key)}" 不是表单的顶层字段`));
      }
    });
  }
  for (const key of Object.keys(definition.uiSchema ?? {})) {
    if (!key.startsWith('ui:') && !index.fields.has(key)) {
      problems.push({ path: `/uiSchema/${key}`, message: `uiSchema 中的 "${key}" 不是表单字段`, severity: 'warning' });
    }
  }
  const levels = definition.review?.levels ?? [];
  const levelIds = new Set<string>();
  levels.forEach((level, i) => {
    if (levelIds.has(level.id)) problems.push(error(`/review/levels/${i}/id`, `审核级别编号 "${level.id}" 重复`));
    levelIds.add(level.id);
    const previous = levels[i - 1];
    if (previous && level.divisionDigits >= previous.divisionDigits) {
      problems.push(error(`/review/levels/${i}/divisionDigits`, '审核级别应自下而上排列（如乡镇 9 位在前，县 6 位在后）'));
    }
  });
  return problems;
}

const UI_TEXTS = new Set(['ui:help', 'ui:description', 'ui:placeholder', 'ui:title']);

/** Placeholders in help texts and descriptions anywhere in the uiSchema name what exists. */
function uiTextProblems(node: unknown, pointer: string, definition: FormDefinition, index: FieldIndex): DefinitionProblem[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
  const problems: DefinitionProblem[] = [];
  for (const [key, value] of Object.entries(node)) {
    const path = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (UI_TEXTS.has(key) && typeof value === 'string') problems.push(...checkMessageReferences(value, path, { definition, index, ruleTable: null }));
    else problems.push(...uiTextProblems(value, path, definition, index));
  }
  return problems;
}
