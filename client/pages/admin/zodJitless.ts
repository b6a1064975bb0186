// Loaded before the administrator's pages (App.tsx), so before the engine's definition checker:
// zod otherwise tries `new Function` as its schemas are made, and the app's
// Content-Security-Policy (no eval) reports even that refused attempt as a violation. Jitless zod
// parses the same. Loaded on its own and read, as the build neither keeps a module imported for
// its effect alone nor keeps the order of modules it finds free of effects.
import { config } from 'zod/v4/core';

export const ZOD_CONFIG = config({ jitless: true });
