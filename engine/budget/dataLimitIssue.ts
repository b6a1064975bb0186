// Submitted data within the engine's limits (nesting, number of values, size), measured without
// recursion before anything else reads it: data nested 5,000 deep or megabytes large gets one
// issue naming where it went wrong, never a stack overflow or an unbounded evaluation.
import type { Issue } from '../types';
import { LIMIT_ISSUE_CODE, MAX_DATA_DEPTH, MAX_DATA_NODES, MAX_SUBMISSION_SIZE } from './limits';
import { measureJson } from './measureJson';

const LIMITS = { depth: MAX_DATA_DEPTH, nodes: MAX_DATA_NODES, size: MAX_SUBMISSION_SIZE };

/** The issue for data past a limit, or null. */
export function dataLimitIssue(input: unknown): Issue | null {
  const measure = measureJson(input, LIMITS);
  if (measure.ok) return null;
  const message = {
    depth: `表单数据嵌套过深：超过 ${MAX_DATA_DEPTH} 层`,
    nodes: `表单数据过多：超过 ${MAX_DATA_NODES} 个值`,
    size: `表单数据过大：超过 ${MAX_SUBMISSION_SIZE / 1024} KB`,
  }[measure.exceeded];
  return { path: measure.pointer, field: '', code: LIMIT_ISSUE_CODE, message, severity: 'error' };
}
