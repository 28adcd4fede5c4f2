/** Starts a connection test's clock: the returned `finish` stamps a result with when the test started and how long it took. */
export function startConnectionTest(): <T extends object>(result: T) => T & { testedAt: string; durationMs: number } {
  const startedAt = Date.now();
  return (result) => ({ ...result, testedAt: new Date(startedAt).toISOString(), durationMs: Date.now() - startedAt });
}
