// Accounts, administered: POST /api/users creates one, GET lists them, PATCH changes role, scope,
// name, phone, password or disables it (a disabled user's sessions end at once). A change states the
// revision it was made from (`revision`): an administrator who edits an account another has just
// disabled or changed gets a 409, and nothing of theirs is written.
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { NewUserSchema, UserListSchema, UserPatchSchema, UserSchema } from '@engine/contract/accounts';
import { accountKey } from '../auth/loginLimits';
import { hashPassword, passwordProblem } from '../auth/passwords';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { staleRevision } from '../http/staleRevision';
import { notFound, Problem } from '../problem';
import type { UserRecord } from '../store/records';
import { StoreConflict } from '../store/Store';
import { publicUser } from './publicUser';
import { commonErrors, json, jsonBody, ProblemSchema } from './schemas';

const create = createRoute({
  method: 'post', path: '/users', tags: ['账号'], summary: '新建用户（管理员）',
  request: jsonBody(NewUserSchema),
  responses: { 201: json(UserSchema, '已创建'), ...commonErrors, 409: json(ProblemSchema, '用户名已存在') },
});

const list = createRoute({
  method: 'get', path: '/users', tags: ['账号'], summary: '用户列表（管理员）',
  responses: { 200: json(UserListSchema, '全部用户'), ...commonErrors },
});

const patch = createRoute({
  method: 'patch', path: '/users/{id}', tags: ['账号'], summary: '修改用户（管理员）：姓名、联系电话（null 为删除）、角色、范围、停用、重置密码',
  request: {
    params: z.object({ id: z.string() }),
    ...jsonBody(UserPatchSchema),
  },
  responses: {
    200: json(UserSchema, '已修改（revision 加一）'), ...commonErrors, 404: json(ProblemSchema, '用户不存在'),
    409: json(ProblemSchema, '账号已被他人修改：code 为 stale_revision，details.revision 为当前版本，未作任何修改'),
  },
});

function checkScope(r: string, s: string[]): void {
  if (r !== 'admin' && s.length === 0) throw new Problem('bad_request', '请求字段 scope 不正确：审核员和信息员至少要有一个行政区划');
}

export function userRoutes(deps: Deps) {
  const { store, clock } = deps;
  return createRouter()
    .openapi(create, async (c) => {
      requireUser(c, 'admin');
      const body = c.req.valid('json');
      const problem = passwordProblem(body.password);
      if (problem) throw new Problem('bad_request', `请求字段 password 不正确：${problem}`);
      checkScope(body.role, body.scope);
      try {
        const user = await store.createUser({
          id: randomUUID(), username: body.username, displayName: body.displayName ?? body.username, ...(body.phone ? { phone: body.phone } : {}), role: body.role,
          scope: body.scope, passwordHash: await hashPassword(body.password), createdAt: clock.now().toISOString(),
        });
        return c.json(publicUser(user), 201);
      } catch (e) {
        if (e instanceof StoreConflict) {
          throw new Problem('conflict', `用户名 ${body.username} 已存在`);
        }
        throw e;
      }
    })
    .openapi(list, async (c) => {
      requireUser(c, 'admin');
      return c.json({ items: (await store.listUsers()).map(publicUser) }, 200);
    })
    .openapi(patch, async (c) => {
      const admin = requireUser(c, 'admin');
      const { id } = c.req.valid('param');
      const { revision, ...body } = c.req.valid('json');
      const existing = await store.getUser(id);
      if (!existing) throw notFound('用户');
      if (existing.revision !== revision) throw staleRevision('该账号', existing.revision);
      if (body.password !== undefined) {
        const problem = passwordProblem(body.password);
        if (problem) throw new Problem('bad_request', `请求字段 password 不正确：${problem}`);
      }
      if (id === admin.id && (body.disabled || (body.role && body.role !== 'admin'))) {
        throw new Problem('bad_request', '不能停用自己或取消自己的管理员权限');
      }
      checkScope(body.role ?? existing.role, body.scope ?? existing.scope);
      let updated: UserRecord | null;
      try {
        updated = await store.updateUser(id, {
          displayName: body.displayName, phone: body.phone, role: body.role, scope: body.scope, disabled: body.disabled,
          passwordHash: body.password === undefined ? undefined : await hashPassword(body.password),
        }, revision);
      } catch (e) {
        if (!(e instanceof StoreConflict && e.kind === 'revision')) throw e;
        throw staleRevision('该账号', (await store.getUser(id))?.revision ?? revision + 1);
      }
      if (!updated) throw notFound('用户');
      if (body.disabled || body.password !== undefined || body.role || body.scope) await store.deleteSessionsOfUser(id);
      // A new password set by an administrator lifts the username's lockout.
      if (body.password !== undefined) await store.forgetLoginFailures([accountKey(existing.username)]);
      return c.json(publicUser(updated), 200);
    });
}
