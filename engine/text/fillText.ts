// Help texts and section descriptions may name campaign values the way rule messages do:
// "收入计算周期 {{$params.incomePeriodStart}} 至 {{$params.incomePeriodEnd}}" reads the campaign
// the form is filled in, so next year's campaign needs no new text.
import type { CompiledForm } from '../compileForm';
import { rootScope } from '../evaluate';
import type { EvaluationContext, FormData } from '../types';
import { compileMessage, type CompiledMessage } from '../validation/compileMessage';

const cache = new WeakMap<CompiledForm, Map<string, CompiledMessage>>();

export function fillText(form: CompiledForm, template: string, context: EvaluationContext, data: FormData = {}): string {
  if (!template.includes('{{')) return template;
  let byTemplate = cache.get(form);
  if (!byTemplate) {
    byTemplate = new Map();
    cache.set(form, byTemplate);
  }
  let compiled = byTemplate.get(template);
  if (!compiled) {
    compiled = compileMessage(template, form.index, null, form.language);
    byTemplate.set(template, compiled);
  }
  return compiled(rootScope(data, context));
}
