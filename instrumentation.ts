// Start-up checks run once when the server starts (Node.js runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigurationOrExit } = await import('./lib/startup-check.ts');
    checkConfigurationOrExit();
  }
}
