// The client bench's reference page (main.tsx), built as the app is: production React, one bundle.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { engineAlias } from '../../vite.config';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { alias: engineAlias },
  build: { emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
