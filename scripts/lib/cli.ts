/** A problem with configuration or environment that the user can fix; printed as one line, no stack. */
export class ConfigError extends Error {}

export function runMain(main: () => Promise<void>) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(`ittifaq: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  });
}

/** Parses `--name value` and `--flag` style arguments. */
export function parseArgs(argv: string[]): Record<string, string | true> {
  const args: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) args[key] = inline;
    else if (next !== undefined && !next.startsWith('--')) {
      args[key] = next;
      i++;
    } else args[key] = true;
  }
  return args;
}
