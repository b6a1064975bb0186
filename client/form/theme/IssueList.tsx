// The issues of one field, as the engine words them, beside the field.
import type { Issue } from '../../../engine/index';

export function IssueList({ issues }: { issues: readonly Issue[] }) {
  if (issues.length === 0) return null;
  return (
    <div className="issues">
      {issues.map((issue, i) => (
        <p key={i} className={`issue ${issue.severity}`} role={issue.severity === 'error' ? 'alert' : 'status'}>
          {issue.message}
        </p>
      ))}
    </div>
  );
}
