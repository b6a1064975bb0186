// A submission's state as a coloured word: 草稿, 已提交, 已退回, 已通过 (and the phone's own: 待上传).
import { t } from '../i18n/t';

export function StatusBadge({ status }: { status: 'draft' | 'submitted' | 'returned' | 'approved' | 'local' | 'pending' }) {
  return <span className={`badge status-${status}`}>{t(`status_${status}`)}</span>;
}

const KIND_CLASS: Record<string, string> = {
  脱贫户: 'kind-exited', 一般农户: 'kind-ordinary', 脱贫不稳定户: 'kind-monitored', 边缘易致贫户: 'kind-monitored', 突发严重困难户: 'kind-monitored',
};

export function KindBadge({ kind }: { kind: string | undefined }) {
  if (!kind) return null;
  return <span className={`badge ${KIND_CLASS[kind] ?? ''}`}>{kind}</span>;
}
