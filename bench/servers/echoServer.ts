// The bare baseline: Hono on @hono/node-server answering a POST by echoing its JSON body. Prints
// "ready <port>" when listening.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('/echo', async (c) => c.json(await c.req.json(), 201));
const server = serve({ fetch: app.fetch, port: Number(process.argv[2] ?? 0) }, (info) => console.log(`ready ${info.port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
