// The users page against a stand-in server: the list with roles and areas by name, a new user
// with a password of at least 8 characters and an area picked from the division tree, a user
// disabled, a password reset, a role and area changed — each from the account's revision; an
// edit refused because another administrator changed the account first offers the list anew.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '../../../client/app/SessionContext';
import { UsersPage } from '../../../client/pages/admin/users/UsersPage';
import { mockServer, type MockServer } from './mockServer';

const DIVISIONS = [
  { code: '500118', name: '永川区', parentCode: null },
  { code: '500118104', name: '临江镇', parentCode: '500118' },
  { code: '500118104201', name: '高滩村', parentCode: '500118104' },
  { code: '500118104202', name: '普安村', parentCode: '500118104' },
];

let server: MockServer;
let users: Record<string, unknown>[];

beforeEach(() => {
  users = [
    { id: 'u1', username: 'admin', displayName: '系统管理员', role: 'admin', scope: [], disabled: false, createdAt: '', revision: 1 },
    { id: 'u2', username: 'gaotan', displayName: '高滩村信息员', role: 'officer', scope: ['500118104201'], disabled: false, createdAt: '', revision: 4 },
  ];
  server = mockServer();
  server.on('GET', '/api/users', () => ({ items: users }));
  server.on('GET', '/api/divisions', () => ({ items: DIVISIONS }));
  server.on('POST', '/api/users', (body) => {
    const user = { id: 'u3', displayName: body.username, ...body, disabled: false, createdAt: '' };
    delete user.password;
    users.push(user);
    return { status: 201, body: user };
  });
  server.on('PATCH', '/api/users/u2', (body) => {
    if (body.password !== undefined && body.password.length < 8) return { status: 400, body: { error: { code: 'bad_request', message: '请求字段 password 不正确：密码至少 8 个字符' } } };
    if (body.revision !== users[1]!.revision) {
      return { status: 409, body: { error: { code: 'stale_revision', message: `该账号已被他人修改（当前版本 ${users[1]!.revision}），请刷新后再改` } } };
    }
    Object.assign(users[1]!, body, { revision: body.revision + 1 });
    return users[1];
  });
});
afterEach(() => server.restore());

const row = (name: string) => screen.getByRole('cell', { name }).closest('tr')!;

describe('the users page', () => {
  it('lists users with their role and area by name', async () => {
    render(<SessionProvider><UsersPage /></SessionProvider>);
    await screen.findByRole('cell', { name: 'gaotan' });
    await waitFor(() => expect(row('gaotan')).toHaveTextContent('永川区 临江镇 高滩村'));
    expect(row('gaotan')).toHaveTextContent('信息员');
    expect(row('admin')).toHaveTextContent('全部地区');
  });

  it('creates a reviewer for a township picked from the tree, refusing a short password first', async () => {
    render(<SessionProvider><UsersPage /></SessionProvider>);
    const form = (await screen.findByRole('heading', { name: '新建用户' })).closest('section')!;
    fireEvent.change(within(form).getByLabelText('用户名'), { target: { value: 'linjiang2' } });
    fireEvent.change(within(form).getByLabelText(/初始密码/), { target: { value: 'short' } });
    expect(within(form).getByText('密码至少 8 个字符')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: '创建用户' })).toBeDisabled();
    fireEvent.change(within(form).getByLabelText(/初始密码/), { target: { value: 'long-enough-1' } });
    fireEvent.change(within(form).getByLabelText('角色'), { target: { value: 'reviewer' } });
    fireEvent.click(await within(form).findByRole('checkbox', { name: /临江镇/ }));
    expect(within(form).getByRole('checkbox', { name: /高滩村/ })).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: /高滩村/ })).toBeDisabled();
    fireEvent.click(within(form).getByRole('button', { name: '创建用户' }));
    await within(form).findByText('已创建用户 linjiang2');
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ username: 'linjiang2', password: 'long-enough-1', role: 'reviewer', scope: ['500118104'] });
    expect(await screen.findAllByRole('cell', { name: 'linjiang2' })).toHaveLength(2);
  });

  it('disables a user, resets a password, and changes a role and area', async () => {
    render(<SessionProvider><UsersPage /></SessionProvider>);
    await screen.findByRole('cell', { name: 'gaotan' });
    fireEvent.click(within(row('gaotan')).getByRole('button', { name: '停用' }));
    await screen.findByText('已停用 gaotan，其登录已全部退出');
    expect(server.requests.find((r) => r.method === 'PATCH')!.body).toEqual({ disabled: true, revision: 4 });
    await waitFor(() => expect(row('gaotan')).toHaveTextContent('已停用'));

    fireEvent.click(within(row('gaotan')).getByRole('button', { name: '重置密码' }));
    const reset = screen.getByRole('form', { name: '重置 gaotan 的密码' });
    fireEvent.change(within(reset).getByLabelText(/新密码/), { target: { value: 'new-password-9' } });
    fireEvent.click(within(reset).getByRole('button', { name: '设置新密码' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: '重置 gaotan 的密码' })).toBeNull());
    expect(server.requests.filter((r) => r.method === 'PATCH').at(-1)!.body).toEqual({ password: 'new-password-9', revision: 5 });

    fireEvent.click(within(row('gaotan')).getByRole('button', { name: '修改' }));
    const edit = screen.getByRole('form', { name: '修改 gaotan' });
    fireEvent.change(within(edit).getByLabelText('角色'), { target: { value: 'reviewer' } });
    fireEvent.click(within(edit).getByRole('button', { name: '移除 永川区 临江镇 高滩村' }));
    fireEvent.click(within(edit).getByRole('checkbox', { name: /普安村/ }));
    fireEvent.click(within(edit).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(row('gaotan')).toHaveTextContent('审核员'));
    expect(server.requests.filter((r) => r.method === 'PATCH').at(-1)!.body).toEqual({ displayName: '高滩村信息员', role: 'reviewer', scope: ['500118104202'], revision: 6 });
  });

  it('says when another administrator changed the account first, and shows it as it is now on request', async () => {
    render(<SessionProvider><UsersPage /></SessionProvider>);
    await screen.findByRole('cell', { name: 'gaotan' });
    fireEvent.click(within(row('gaotan')).getByRole('button', { name: '修改' }));
    Object.assign(users[1]!, { disabled: true, revision: 5 });
    const edit = screen.getByRole('form', { name: '修改 gaotan' });
    fireEvent.change(within(edit).getByLabelText('角色'), { target: { value: 'reviewer' } });
    fireEvent.click(within(edit).getByRole('button', { name: '保存' }));
    expect(await within(edit).findByRole('alert')).toHaveTextContent('该账号已被他人修改（当前版本 5），请刷新后再改');
    fireEvent.click(within(edit).getByRole('button', { name: '载入最新版本' }));
    await waitFor(() => expect(row('gaotan')).toHaveTextContent('已停用'));
    expect(screen.queryByRole('form', { name: '修改 gaotan' })).toBeNull();
    expect(row('gaotan')).toHaveTextContent('信息员');
  });

  it('picks areas only from the registered tree, pointing to the 行政区划 page while nothing is registered', async () => {
    server.on('GET', '/api/divisions', () => ({ items: [] }));
    render(<SessionProvider><UsersPage /></SessionProvider>);
    const link = await screen.findByRole('link', { name: '尚未登记行政区划：请先在“行政区划”页从国家统计局区划代码登记' });
    expect(link).toHaveAttribute('href', '/admin/divisions');
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('gives an officer a phone (their forms\' 填表人联系电话), sending it only when changed', async () => {
    render(<SessionProvider><UsersPage /></SessionProvider>);
    await screen.findByRole('cell', { name: 'gaotan' });
    fireEvent.click(within(row('gaotan')).getByRole('button', { name: '修改' }));
    const edit = screen.getByRole('form', { name: '修改 gaotan' });
    fireEvent.change(within(edit).getByLabelText(/联系电话/), { target: { value: '13983011201' } });
    fireEvent.click(within(edit).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1));
    expect(server.requests.find((r) => r.method === 'PATCH')!.body).toEqual({ displayName: '高滩村信息员', phone: '13983011201', role: 'officer', scope: ['500118104201'], revision: 4 });
  });
});
