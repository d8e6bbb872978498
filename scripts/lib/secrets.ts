import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SECRET_FILE = path.resolve('.data/nextauth-secret');

/**
 * NEXTAUTH_SECRET from the environment; for local use, one generated on first start and kept in
 * .data/ (git-ignored) so sessions survive restarts. Production deployments set the variable.
 */
export async function authSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (existsSync(SECRET_FILE)) return (await readFile(SECRET_FILE, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(path.dirname(SECRET_FILE), { recursive: true });
  await writeFile(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}
