// Runs once when the server starts (Node.js runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigurationOrExit, connectCache, startScoreRefresh } = await import('./lib/server-startup.ts');
    checkConfigurationOrExit();
    connectCache();
    startScoreRefresh();
    // Set by `npm start`: Next.js then leaves SIGTERM/SIGINT to the app (lib/ops/graceful-shutdown.ts).
    if (process.env.NEXT_MANUAL_SIG_HANDLE) {
      const { stopGracefullyOnSignals } = await import('./lib/ops/graceful-shutdown.ts');
      const { shutdownTimeoutMs } = await import('./lib/ops/shutdown-timeout.ts');
      const { disconnectDb } = await import('./lib/db.ts');
      stopGracefullyOnSignals({ timeoutMs: shutdownTimeoutMs(), close: disconnectDb });
    }
  }
}
