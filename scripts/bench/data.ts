// `npm run bench:data -- --agreements 1000 [--seed <seed>] [--force]`: generates (or reuses) the
// synthetic benchmark data set in its own database and prints what it holds and how long it took.
import { ConfigError, parseArgs, runMain } from '../lib/cli.ts';
import { describeUrl } from '../lib/postgres.ts';
import { ensureBenchData, openBenchServer, parseAgreements } from './dataset.ts';
import { DEFAULT_SEED } from './generate.ts';

const usage = 'usage: npm run bench:data -- [--agreements 100..10000] [--seed <text>] [--force]';

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) throw new ConfigError(usage);
  const agreements = parseAgreements(args.agreements);
  const seed = typeof args.seed === 'string' ? args.seed : DEFAULT_SEED;
  const server = await openBenchServer();
  try {
    const data = await ensureBenchData(server, { agreements, seed, force: args.force === true, log: console.log });
    const counts = Object.entries(data.meta.counts)
      .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
      .join(', ');
    console.log(`Data set: ${describeUrl(data.url)}, as of ${data.meta.asOf}`);
    console.log(`  ${counts}`);
    if (data.generated) console.log(`Generated in ${data.seconds} s (data ${data.meta.seconds} s, the rest migrations).`);
  } finally {
    await server.stop();
  }
});
