// One village's (or township's) 民主评议 and 公示 board, loaded from the server and loaded again
// after every record (each moves the submissions' revisions): the reviewer's 评议公示 tab and the
// officer's page show the same board.
import { ErrorMessage, Loading } from '../components/Layout';
import { useLoad } from '../components/useLoad';
import { deliberationApi } from './deliberationApi';
import { DeliberationBoardView } from './DeliberationBoardView';

interface Props {
  campaignId: string;
  formId: string;
  division: string;
  printPath?: (noticeId: string) => string;
}

export function LoadedBoard({ campaignId, formId, division, printPath }: Props) {
  const loaded = useLoad(() => deliberationApi.board(campaignId, formId, division), [campaignId, formId, division]);
  if (loaded.error) return <ErrorMessage message={loaded.error} retry={loaded.reload} />;
  if (!loaded.value) return <Loading />;
  return (
    <DeliberationBoardView
      key={`${loaded.value.records.length}-${loaded.value.submissions.map((s) => s.revision).join('.')}`}
      board={loaded.value}
      reload={loaded.reload}
      printPath={printPath}
    />
  );
}
