// The administrator's pages (loaded only when opened).
import { Layout } from '../../components/Layout';

export default function AdminApp() {
  return <Layout title="管理"><p>管理页面</p></Layout>;
}
