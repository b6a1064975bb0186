// createApp(deps): the whole HTTP application. Sends the security headers on every answer
// (securityHeaders.ts), mounts one sub-app per resource under /api, guards paths and queries
// (length, control characters), bodies (1 MB; the public routes 64 KB; nesting, NUL and lone surrogates screened as text
// before parsing) and sessions, documents itself at /api/openapi.json, renders every error in one
// shape, and serves the built client for everything that is not the API.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { Deps } from './deps';
import { authenticate } from './http/authenticate';
import { limitBody } from './http/limitBody';
import type { AppEnv } from './http/env';
import { renderProblem } from './http/renderProblem';
import { screenJsonBody } from './http/screenJsonBody';
import { screenUrl } from './http/screenUrl';
import { securityHeaders } from './http/securityHeaders';
import { validationHook } from './http/validationHook';
import { Problem } from './problem';
import { attachmentRoutes, isUpload, uploadDoor } from './routes/attachments';
import { campaignRoutes } from './routes/campaigns';
import { catalogRoutes } from './routes/catalog';
import { divisionRoutes } from './routes/divisions';
import { exportRoutes } from './routes/export';
import { fillRoutes } from './routes/fill';
import { formRoutes } from './routes/forms';
import { healthRoutes } from './routes/health';
import { householdImportRoutes, IMPORT_PATH, IMPORT_TOO_LARGE, MAX_IMPORT_BYTES } from './routes/householdImport';
import { householdRoutes } from './routes/households';
import { householdStateRoutes } from './routes/householdStates';
import { sessionRoutes } from './routes/session';
import { submissionRoutes } from './routes/submissions';
import { userRoutes } from './routes/users';
import { verificationRoutes } from './routes/verification';
import { WARNING_IMPORT_PATH, warningImportRoutes } from './routes/warningImport';
import { xlsformRoutes } from './routes/xlsform';
import { approvalRoutes } from './routes/approvals';
import { progressRoutes } from './routes/progress';
import { PUBLIC_PREFIX, publicApplicationRoutes } from './routes/publicApplications';
import { deliberationRoutes } from './routes/deliberation';
import { qualityRoutes } from './routes/quality';
import { reviewRowRoutes } from './routes/reviewRows';

z.config(zhCN());

export function createApp(deps: Deps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  app.onError(renderProblem(deps.log));
  app.use('*', securityHeaders({ https: deps.config.session.secureCookie }));
  const limit = limitBody(deps.config.maxBodyBytes, () => {
    throw new Problem('payload_too_large', `请求内容过大（上限 ${Math.round(deps.config.maxBodyBytes / 1024)} KB）`);
  });
  const importLimit = limitBody(MAX_IMPORT_BYTES, () => {
    throw new Problem('payload_too_large', IMPORT_TOO_LARGE);
  });
  const uploadLimit = uploadDoor();
  const publicLimit = limitBody(deps.config.applications.maxBodyBytes, () => {
    throw new Problem('payload_too_large', `请求内容过大（上限 ${Math.round(deps.config.applications.maxBodyBytes / 1024)} KB）`);
  });
  // Every body's size is checked before anything reads it; the household and warning imports take spreadsheets of up to 20 MB,
  // a file upload is counted as it streams (routes/attachments.ts).
  app.use('/api/*', (c, next) => {
    if (c.req.path === IMPORT_PATH || c.req.path === WARNING_IMPORT_PATH) return importLimit(c, next);
    if (c.req.path.startsWith(PUBLIC_PREFIX)) return publicLimit(c, next);
    return isUpload(c.req.method, c.req.path) ? uploadLimit(c, next) : limit(c, next);
  });
  app.use('/api/*', screenUrl());
  app.use('/api/*', screenJsonBody());
  // The public routes (residents' applications) take no session and so need no CSRF token.
  const signedIn = authenticate(deps);
  app.use('/api/*', (c, next) => (c.req.path.startsWith(PUBLIC_PREFIX) ? next() : signedIn(c, next)));
  app.route('/api', healthRoutes(deps));
  app.route('/api', sessionRoutes(deps));
  app.route('/api', userRoutes(deps));
  app.route('/api', catalogRoutes(deps));
  app.route('/api', divisionRoutes(deps));
  app.route('/api', formRoutes(deps));
  // Before /households/{id}: "states" is not a household.
  app.route('/api', householdStateRoutes(deps));
  app.route('/api', householdRoutes(deps));
  app.route('/api', householdImportRoutes(deps));
  app.route('/api', campaignRoutes(deps));
  app.route('/api', submissionRoutes(deps));
  app.route('/api', fillRoutes(deps));
  app.route('/api', exportRoutes(deps));
  app.route('/api', reviewRowRoutes(deps));
  app.route('/api', approvalRoutes(deps));
  app.route('/api', progressRoutes(deps));
  app.route('/api', qualityRoutes(deps));
  app.route('/api', attachmentRoutes(deps));
  app.route('/api', verificationRoutes(deps));
  app.route('/api', warningImportRoutes(deps));
  app.route('/api', publicApplicationRoutes(deps));
  app.route('/api', xlsformRoutes(deps));
  app.route('/api', deliberationRoutes(deps));
  app.doc('/api/openapi.json', {
    openapi: '3.0.0',
    info: {
      title: '万能表单 API', version: '1.0.0',
      description: '防返贫监测动态调整和信息采集：表单、农户、提交、审核与导出。'
        + '可能被多人同时修改的资源（活动、账号、表单草稿与发布、提交与审核）在每个回答中带 revision；修改时在 JSON 请求体中带回所依据的 revision，'
        + '已被他人修改则 409（stale_revision，details.revision 为当前版本，消息说明发生了什么），不写入任何内容。',
    },
  });
  app.all('/api/*', () => {
    throw new Problem('not_found', '接口不存在');
  });
  const clientDir = deps.config.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    const index = readFileSync(join(clientDir, 'index.html'), 'utf8');
    app.use('/*', serveStatic({ root: clientDir }));
    app.get('/*', (c) => c.html(index));
  }
  return app;
}
