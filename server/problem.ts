// One error shape for the whole API: {error: {code, message, details?}} with the HTTP status
// the code implies. Handlers throw a Problem; app.onError renders it. Messages are Chinese,
// for the user who reads them; codes are stable, for programs.
import type { Issue } from '@engine';

export const PROBLEMS = {
  bad_request: 400,
  malformed_json: 400,
  invalid_proof: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  stale_revision: 409,
  duplicate_submission: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_definition: 422,
  invalid_submission: 422,
  invalid_rows: 422,
  division_in_use: 422,
  unconfirmed_campaign: 422,
  missing_attachments: 422,
  too_many_attempts: 429,
  internal: 500,
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export interface ProblemBody {
  error: { code: ProblemCode; message: string; details?: unknown };
}

export class Problem extends Error {
  readonly code: ProblemCode;
  readonly status: (typeof PROBLEMS)[ProblemCode];
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(code: ProblemCode, message: string, details?: unknown, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'Problem';
    this.code = code;
    this.status = PROBLEMS[code];
    this.details = details;
    this.headers = headers;
  }

  body(): ProblemBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

/** A submission the engine found errors in: the engine's own issues, unchanged, in the 422. */
/** `language` "en": the message in English (the issues come from an English evaluation). */
export function invalidSubmission(errors: Issue[], warnings: Issue[] = [], language = 'zh'): Problem {
  const first = errors[0]?.message ?? '';
  const message = language === 'en'
    ? (errors.length === 1 ? `Not accepted: ${first}` : `Not accepted: ${errors.length} problems, the first: ${first}`)
    : errors.length === 1 ? `提交失败：${first}` : `提交失败：共 ${errors.length} 处错误，第一处：${first}`;
  return new Problem('invalid_submission', message, { errors, warnings });
}

export const notFound = (what: string) => new Problem('not_found', `${what}不存在`);
