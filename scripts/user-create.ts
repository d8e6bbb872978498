// `npm run user:create -- --email a@b.org --role admin [--name "…"] [--party <slug>]`
// Creates an account. The password is prompted for (not echoed), or read from ITTIFAQ_USER_PASSWORD
// for automation. This is how the first administrator of a real deployment is made.
import { z } from 'zod';
import { appendAudit } from '../lib/audit/write.ts';
import { hashPassword } from '../lib/auth/password-hash.ts';
import { NewPasswordSchema } from '../lib/auth/password-policy.ts';
import { createPrismaClient } from '../lib/db-client.ts';
import { ConfigError, parseArgs, runMain } from './lib/cli.ts';
import { openServer } from './lib/postgres.ts';
import { applyMigrations } from './lib/schema-engine.ts';

const PASSWORD_PROBLEMS: Record<string, string> = {
  tooShort: 'the password must have at least 12 characters',
  tooLong: 'the password is too long',
  common: 'the password is in the list of common passwords',
};

const ArgsSchema = z.object({
  email: z.email('--email must be an email address'),
  role: z.enum(['admin', 'analyst'], '--role must be admin or analyst'),
  name: z.string().min(1).optional(),
  party: z.string().optional(),
});

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stdin, stdout } = process;
    if (!stdin.isTTY) {
      reject(new ConfigError('no terminal to prompt for the password; set ITTIFAQ_USER_PASSWORD.'));
      return;
    }
    stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          stdout.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') process.exit(130);
        value = char === '\u007f' ? [...value].slice(0, -1).join('') : value + char;
      }
    };
    stdin.on('data', onData);
  });
}

runMain(async () => {
  const parsed = ArgsSchema.safeParse(parseArgs(process.argv.slice(2)));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const { email, role, party } = parsed.data;
  const password = process.env.ITTIFAQ_USER_PASSWORD ?? (await promptHidden(`Password for ${email}: `));
  const policy = NewPasswordSchema.safeParse(password);
  if (!policy.success)
    throw new ConfigError(policy.error.issues.map((issue) => PASSWORD_PROBLEMS[issue.message] ?? issue.message).join('; '));

  const { server, url } = await openServer();
  const db = createPrismaClient(url);
  try {
    await applyMigrations(url);
    const normalised = email.trim().normalize('NFC').toLowerCase();
    if (await db.user.findUnique({ where: { email: normalised }, select: { id: true } })) {
      throw new ConfigError(`a user with the email ${normalised} already exists.`);
    }
    const side = party ? await db.party.findFirst({ where: { slug: party, archivedAt: null }, select: { id: true } }) : null;
    if (party && !side) throw new ConfigError(`--party: no party with the slug "${party}".`);
    const passwordHash = await hashPassword(password);
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email: normalised,
          name: parsed.data.name ?? normalised,
          role: role === 'admin' ? 'ADMIN' : 'ANALYST',
          partyId: side?.id ?? null,
          passwordHash,
          passwordChangedAt: new Date(),
        },
        select: { id: true, email: true, role: true, partyId: true },
      });
      await appendAudit(tx, {
        actorId: null,
        action: 'user.create',
        entityType: 'user',
        entityId: created.id,
        after: { ...created, via: 'command line' },
      });
      return created;
    });
    console.log(
      `Created ${user.role.toLowerCase()} ${user.email}.${user.role === 'ADMIN' ? ' Admins set up two-factor authentication at their first sign-in.' : ''}`,
    );
  } finally {
    await db.$disconnect();
    await server.stop();
  }
});
