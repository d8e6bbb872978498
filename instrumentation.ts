// Runs once when the server starts (Node.js runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigurationOrExit, connectCache, startScoreRefresh } = await import('./lib/server-startup.ts');
    checkConfigurationOrExit();
    connectCache();
    startScoreRefresh();
  }
}
