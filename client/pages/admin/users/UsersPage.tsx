// Users, administered: the list with each user's role, area and state; a new user (username,
// name, password of at least 8 characters, role, area picked from the division tree — an
// administrator sees everywhere); and per user: change role and area, disable or enable (a
// disabled user's sessions end at once), reset the password. Each change states the revision of
// the account the page shows: when another administrator changed it first, the page says so and
// offers the list as it is now.
import { useState } from 'react';
import type { User, Division, Role } from '../../../api/types';
import { ErrorMessage, Layout, Loading } from '../../../components/Layout';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n/tAdmin';
import { adminApi } from '../adminApi';
import { DivisionPicker } from '../components/DivisionPicker';
import { divisionPath } from '../components/divisionTree';
import { ActionMessage, useAction } from '../components/useAction';

const ROLES: Role[] = ['officer', 'reviewer', 'admin'];
const roleLabel = (role: Role) => t(`ad_role_${role}`);

export function UsersPage() {
  const users = useLoad(adminApi.users, []);
  const divisions = useLoad(adminApi.divisions, []);
  const [editing, setEditing] = useState<string | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const toggle = useAction();
  return (
    <Layout title={t('ad_users')} back="/admin" wide>
      <NewUserForm divisions={divisions.value ?? []} onCreated={users.reload} />
      <section className="panel">
        <h2>{t('ad_userList')}</h2>
        {users.loading && !users.value ? <Loading /> : null}
        {users.error ? <ErrorMessage message={users.error} retry={users.reload} /> : null}
        <ActionMessage action={toggle} onReload={() => { toggle.clear(); users.reload(); }} />
        <table className="admin-table">
          <thead>
            <tr><th>{t('username')}</th><th>{t('ad_displayName')}</th><th>{t('ad_role')}</th><th>{t('ad_scope')}</th><th>{t('ad_state')}</th><th>{t('ad_actions')}</th></tr>
          </thead>
          <tbody>
            {(users.value ?? []).map((user) => (
              <UserRow
                key={user.id} user={user} divisions={divisions.value ?? []}
                editing={editing === user.id} resetting={resetting === user.id}
                onEdit={() => { setEditing(editing === user.id ? null : user.id); setResetting(null); }}
                onReset={() => { setResetting(resetting === user.id ? null : user.id); setEditing(null); }}
                onToggle={() => void toggle.run(async () => {
                  await adminApi.updateUser(user.id, user.revision, { disabled: !user.disabled });
                  users.reload();
                }, t(user.disabled ? 'ad_enabled' : 'ad_disabledNotice', { name: user.username }))}
                onSaved={() => { setEditing(null); setResetting(null); users.reload(); }}
              />
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}

function ScopeField({ role, divisions, value, onChange, id }: { role: Role; divisions: Division[]; value: string[]; onChange(codes: string[]): void; id: string }) {
  if (role === 'admin') return <p className="muted">{t('ad_adminSeesAll')}</p>;
  return <DivisionPicker id={id} divisions={divisions} value={value} onChange={onChange} emptyLabel={t('ad_scopeRequired')} />;
}

function NewUserForm({ divisions, onCreated }: { divisions: Division[]; onCreated(): void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [scope, setScope] = useState<string[]>([]);
  const action = useAction();
  const tooShort = password !== '' && [...password].length < 8;
  const submit = async () => {
    const created = await action.run(
      () => adminApi.createUser({ username: username.trim(), displayName: displayName.trim() || undefined, phone: phone.trim() || undefined, password, role, scope: role === 'admin' ? [] : scope }),
      (u) => t('ad_userCreated', { name: u.username }),
    );
    if (created) {
      setUsername('');
      setDisplayName('');
      setPhone('');
      setPassword('');
      setScope([]);
      onCreated();
    }
  };
  return (
    <section className="panel">
      <h2>{t('ad_newUser')}</h2>
      <form className="admin-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label>{t('username')}<input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" required /></label>
        <label>{t('ad_displayName')}<input value={displayName} onChange={(e) => setDisplayName(e.target.value)} /></label>
        <label>{t('ad_phone')}<input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} /></label>
        <label>{t('ad_initialPassword')}
          <input type="text" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" aria-invalid={tooShort} required />
          {tooShort ? <span className="field-note error">{t('ad_passwordTooShort')}</span> : null}
        </label>
        <label>{t('ad_role')}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>{ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}</select>
        </label>
        <div className="wide-field">
          <span className="label">{t('ad_scope')}</span>
          <ScopeField id="new-user-scope" role={role} divisions={divisions} value={scope} onChange={setScope} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy || tooShort}>{t('ad_createUser')}</button>
          <ActionMessage action={action} />
        </div>
      </form>
    </section>
  );
}

interface RowProps {
  user: User;
  divisions: Division[];
  editing: boolean;
  resetting: boolean;
  onEdit(): void;
  onReset(): void;
  onToggle(): void;
  onSaved(): void;
}

function UserRow({ user, divisions, editing, resetting, onEdit, onReset, onToggle, onSaved }: RowProps) {
  return (
    <>
      <tr className={user.disabled ? 'disabled-row' : undefined}>
        <td>{user.username}</td>
        <td>{user.displayName}</td>
        <td>{roleLabel(user.role)}</td>
        <td>{user.role === 'admin' ? t('ad_everywhere') : user.scope.map((c) => divisionPath(c, divisions)).join('；')}</td>
        <td>{user.disabled ? <span className="badge status-returned">{t('ad_userDisabled')}</span> : <span className="badge status-approved">{t('ad_userActive')}</span>}</td>
        <td className="row-actions">
          <button type="button" onClick={onEdit} aria-expanded={editing}>{t('ad_editUser')}</button>
          <button type="button" onClick={onToggle}>{user.disabled ? t('ad_enable') : t('ad_disable')}</button>
          <button type="button" onClick={onReset} aria-expanded={resetting}>{t('ad_resetPassword')}</button>
        </td>
      </tr>
      {editing ? <tr className="detail-row"><td colSpan={6}><EditUser user={user} divisions={divisions} onSaved={onSaved} /></td></tr> : null}
      {resetting ? <tr className="detail-row"><td colSpan={6}><ResetPassword user={user} onSaved={onSaved} /></td></tr> : null}
    </>
  );
}

function EditUser({ user, divisions, onSaved }: { user: User; divisions: Division[]; onSaved(): void }) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [role, setRole] = useState<Role>(user.role);
  const [scope, setScope] = useState<string[]>(user.scope);
  const action = useAction();
  const save = async () => {
    // The phone is sent only when changed (an empty one removes it).
    const phonePatch = phone.trim() === (user.phone ?? '') ? {} : { phone: phone.trim() || null };
    const done = await action.run(() => adminApi.updateUser(user.id, user.revision, { displayName: displayName.trim(), ...phonePatch, role, scope: role === 'admin' ? [] : scope }));
    if (done) onSaved();
  };
  return (
    <form className="admin-form" aria-label={t('ad_editUserOf', { name: user.username })} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label>{t('ad_displayName')}<input value={displayName} onChange={(e) => setDisplayName(e.target.value)} /></label>
      <label>{t('ad_phone')}<input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} /></label>
      <label>{t('ad_role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>{ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}</select>
      </label>
      <div className="wide-field">
        <span className="label">{t('ad_scope')}</span>
        <ScopeField id={`scope-${user.id}`} role={role} divisions={divisions} value={scope} onChange={setScope} />
      </div>
      <p className="muted">{t('ad_sessionsEnd')}</p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.busy}>{t('save')}</button>
        <ActionMessage action={action} onReload={onSaved} />
      </div>
    </form>
  );
}

function ResetPassword({ user, onSaved }: { user: User; onSaved(): void }) {
  const [password, setPassword] = useState('');
  const action = useAction();
  const tooShort = [...password].length < 8;
  const save = async () => {
    const done = await action.run(() => adminApi.updateUser(user.id, user.revision, { password }));
    if (done) onSaved();
  };
  return (
    <form className="admin-form" aria-label={t('ad_resetPasswordOf', { name: user.username })} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label>{t('ad_newPassword')}<input type="text" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" /></label>
      {password && tooShort ? <span className="field-note error">{t('ad_passwordTooShort')}</span> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.busy || tooShort}>{t('ad_setPassword')}</button>
        <ActionMessage action={action} onReload={onSaved} />
      </div>
    </form>
  );
}
