/** What the stand-ins' command lines share: integer options, closing on a signal, and how a failure ends. */

/** Reads `--name` as an integer of at least `min`, or ends the process with the usage line (exit code 2). */
export function integerOption(usage: string): (name: string, value: string, min: number) => number {
  return (name, value, min) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      console.error(`--${name} must be an integer >= ${min}, got "${value}"\n${usage}`);
      process.exit(2);
    }
    return n;
  };
}

/** Closes the server and ends the process on SIGINT or SIGTERM. */
export function closeOnSignals(server: { close(): Promise<void> }): void {
  const shutdown = (signal: string): void => {
    console.log(`${signal} received, closing`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

/** Runs a command line's main function; an error is printed and ends the process with exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
