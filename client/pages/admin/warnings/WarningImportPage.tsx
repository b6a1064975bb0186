// A department's warning list imported (行业部门筛查预警): the department and the list's date, the
// file (XLSX, ODS, XLS or CSV with 姓名, 身份证号, 村, 原因), a check that shows every row matched,
// unmatched or ambiguous and why, then the import — enabled once the same file, department and
// date checked — which makes each matched row a warning on its household and a 重点核查户 item.
import { useState } from 'react';
import type { WarningImportResult } from '@engine/contract';
import { api } from '../../../api/http';
import { Layout } from '../../../components/Layout';
import { t } from '../../../i18n/tAdmin';
import { messageOf } from '../components/useAction';

const OUTCOMES = { matched: '已匹配', unmatched: '未匹配', ambiguous: '不确定' } as const;

export function WarningImportPage() {
  const [department, setDepartment] = useState('');
  const [date, setDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<WarningImportResult | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = file ? `${file.name}|${file.size}|${file.lastModified}|${department.trim()}|${date}` : null;

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const query = new URLSearchParams({ department: department.trim(), date, ...(dryRun ? { dryRun: '1' } : {}) });
      const answer = await api<WarningImportResult>('POST', `/api/warning-import?${query}`, file);
      setResult(answer);
      setChecked(dryRun ? key : null);
    } catch (e) {
      setError(messageOf(e));
      setResult(null);
      setChecked(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Layout title={t('ad_warningImport')} back="/admin" wide>
      <section className="panel">
        <h2>名单</h2>
        <p>表格第 1 行为表头：姓名、身份证号、村（村名或 12 位行政区划代码）、原因。有身份证号的按身份证号匹配登记农户的成员，没有的按村内姓名匹配。</p>
        <label>发出名单的部门 <input value={department} onChange={(e) => setDepartment(e.target.value)} placeholder="如：区医疗保障局" /></label>
        <label>名单日期 <input type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
        <label className="file-choice">选择文件
          <input type="file" accept=".xlsx,.ods,.xls,.csv" disabled={busy} onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); setChecked(null); }} />
        </label>
        <div className="page-actions">
          <button type="button" disabled={!file || busy} onClick={() => void run(true)}>匹配检查</button>
          <button type="button" className="primary" disabled={!file || busy || checked !== key} onClick={() => void run(false)}>导入</button>
        </div>
        {error ? <p className="action-error" role="alert">{error}</p> : null}
        {result ? (
          <p className={result.dryRun ? 'muted' : 'action-notice'} role="status">
            {result.dryRun ? '检查结果' : `已导入 ${result.written} 条预警，已加入各村重点核查户`}：已匹配 {result.matched} 行，未匹配 {result.unmatched} 行，不确定 {result.ambiguous} 行
          </p>
        ) : null}
        {result ? (
          <table className="warning-rows">
            <thead><tr><th scope="col">行</th><th scope="col">姓名</th><th scope="col">村</th><th scope="col">原因</th><th scope="col">结果</th><th scope="col">说明</th></tr></thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.row} className={`outcome-${r.outcome}`}>
                  <td>{r.row}</td><td>{r.name}</td><td>{r.village}</td><td>{r.reason}</td><td>{OUTCOMES[r.outcome]}</td>
                  <td>{r.outcome === 'matched' ? `${r.headName}户` : r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </Layout>
  );
}
