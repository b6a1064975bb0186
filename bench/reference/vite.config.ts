// The client bench's reference page (main.tsx), built as the app is: production React, one bundle.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
