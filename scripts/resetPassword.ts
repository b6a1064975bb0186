// npm run reset-password [-- username]: a new password for an account (admin by default), run on
// the server's machine with the server's configuration (DATABASE_URL or DATA_DIR). The password is
// NEW_PASSWORD when set, otherwise a random one printed once. The account is enabled, its
// sessions end and a login lock on it is lifted. Safe while the server runs.
import { systemClock, type Logger } from '../server/deps';
import { openStore } from '../server/openStore';
import { resetPassword } from '../server/seed/resetPassword';

const log: Logger = {
  info: (message) => console.log(message),
  error: (message, error) => (error === undefined ? console.error(message) : console.error(message, error)),
};

async function main(): Promise<void> {
  const username = process.argv[2] ?? 'admin';
  const store = openStore(process.env, log);
  try {
    await store.migrate();
    const outcome = await resetPassword({ store, clock: systemClock, log }, username, process.env.NEW_PASSWORD || undefined);
    const how = process.env.NEW_PASSWORD ? '（密码取自 NEW_PASSWORD）' : `，新密码：${outcome.password}（只显示这一次）`;
    log.info(`${outcome.created ? '已创建' : '已重设'}账号 ${outcome.username}${how}。该账号已启用，原有登录已结束。`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error('重设密码失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
