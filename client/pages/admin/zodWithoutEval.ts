// Imported first by the administrator's pages: zod (the engine's definition checker) otherwise
// tries `new Function` when its schemas are made, and this page's Content-Security-Policy
// reports even a refused attempt as a violation. Jitless zod parses the same, without it.
import { z } from 'zod';

z.config({ jitless: true });
