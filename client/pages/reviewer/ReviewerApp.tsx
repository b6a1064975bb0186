// The reviewer's pages (loaded only when opened).
import { Layout } from '../../components/Layout';

export default function ReviewerApp() {
  return <Layout title="审核"><p>审核页面</p></Layout>;
}
