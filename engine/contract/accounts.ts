// The API contract of accounts: signing in (POST /api/session) and who is signed in, and the
// administrator's users (create, list, change). A user as every answer shows it: never the
// password hash or the login counters.
import { z } from 'zod';
import { divisionCode } from './common';

export const RoleSchema = z.enum(['admin', 'reviewer', 'officer']);

export const UserSchema = z.object({
  id: z.string(), username: z.string(), displayName: z.string(),
  phone: z.string().nullable().meta({ description: '联系电话：表单的填表人联系电话以此预填' }),
  role: RoleSchema,
  scope: z.array(z.string()).meta({ description: '行政区划代码：本人看到代码以其中之一开头的记录（管理员为空：全部）' }),
  disabled: z.boolean(), createdAt: z.string(),
  revision: z.number().meta({ description: '修改账号时带回（PATCH /api/users/{id}）' }),
}).meta({ id: 'User' });

export const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string() }).meta({ id: 'Session' });

export const UserListSchema = z.object({ items: z.array(UserSchema) });

// Requests.

export const LoginSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

const scope = z.array(divisionCode).max(200);

/** A mobile number, or a landline with its area code: what a form's 填表人联系电话 accepts. */
const phone = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '应为 11 位手机号码或带区号的固定电话');

/** Whom the shipped forms' versions are published by (server/seed/updateShippedForm.ts): no account may take the name. */
export const RESERVED_USERNAME = 'system';

export const NewUserSchema = z.object({
  username: z.string().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3-32 位字母、数字、下划线、点或短横线')
    .refine((name) => name.toLowerCase() !== RESERVED_USERNAME, `用户名 ${RESERVED_USERNAME} 为系统保留（系统自带表单的发布者），请换一个`),
  password: z.string().max(256), displayName: z.string().min(1).max(50).optional(), phone: phone.optional(),
  role: RoleSchema, scope,
});

export const UserPatchSchema = z.object({
  revision: z.number().int().min(1).meta({ description: '修改所依据的版本（用户列表中的 revision）；已被他人修改则 409' }),
  displayName: z.string().min(1).max(50).optional(),
  phone: phone.nullable().optional().meta({ description: '联系电话；null 为删除' }),
  role: RoleSchema.optional(), scope: scope.optional(),
  disabled: z.boolean().optional(), password: z.string().max(256).optional(),
});
