// The client's entry: mounts the app. (The officer's pages arrive with the officer-app work.)
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>万能表单</h1>
      <p>防返贫监测动态调整和信息采集</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
