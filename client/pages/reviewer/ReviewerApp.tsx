// The reviewer's pages, loaded only when opened (the officer's phone never downloads them):
// 审核 (a form's submissions in my area, return or approve, export), one submission, 填报进度
// and 数据质量, and the sheets to print (one submission, or a village's approved ones). /review
// opens the table of the form with the most submissions waiting.
import { matchPath, useLocation } from '../../app/router';
import { ProgressPage } from './ProgressPage';
import { QualityPage } from './QualityPage';
import { VerificationListPage } from './VerificationListPage';
import { DeliberationPage } from './deliberation/DeliberationPage';
import { NoticePrintPage } from '../../deliberation/NoticePrintPage';
import { FirstForm } from './FirstForm';
import { SubmissionPrintPage, VillagePrintPage } from './print/PrintPage';
import { CatalogProvider } from './ReviewerCatalog';
import { SubmissionPage } from './SubmissionPage';
import { SubmissionsPage } from './SubmissionsPage';
import './reviewer.css';

function ReviewerRoutes() {
  const { path, query } = useLocation();
  let m: Record<string, string> | null;
  if ((m = matchPath('/review/forms/:formId', path))) return <SubmissionsPage key={m.formId} formId={m.formId!} />;
  if ((m = matchPath('/review/submissions/:id/print', path))) return <SubmissionPrintPage id={m.id!} />;
  if (matchPath('/review/print', path)) return <VillagePrintPage query={query} />;
  if ((m = matchPath('/review/submissions/:id', path))) return <SubmissionPage id={m.id!} />;
  if ((m = matchPath('/review/progress/:formId', path))) return <ProgressPage key={m.formId} formId={m.formId!} />;
  if (matchPath('/review/quality', path)) return <QualityPage />;
  if (matchPath('/review/verification', path)) return <VerificationListPage />;
  if ((m = matchPath('/review/deliberation/notices/:id/print', path))) return <NoticePrintPage id={m.id!} />;
  if (matchPath('/review/deliberation', path)) return <DeliberationPage />;
  return <FirstForm />;
}

export default function ReviewerApp() {
  return (
    <CatalogProvider>
      <ReviewerRoutes />
    </CatalogProvider>
  );
}
