// Runs once when a console server starts, before its first request (Next's instrumentation hook).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkConfigurationAtStart } = await import('@/lib/server/config/start-up');
  checkConfigurationAtStart();
}
