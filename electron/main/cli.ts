/**
 * The installed app answers the same commands as `rebound`: `Rebound --cli items list --json`
 * (on Linux the package puts the binary on the PATH as `rebound`, so `rebound --cli …`). The
 * packaged binary's fuses forbid ELECTRON_RUN_AS_NODE, which is how VS Code's `code` launcher
 * runs its CLI; a flag of the app's own main process does the same job without it. No window is
 * opened and no single-instance lock is taken: a command can run beside the open app.
 */

/** The CLI's argv (as Node would give it: runtime, script, words) when the app was started with --cli. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  if (at < 0) return null;
  return ['rebound', 'rebound', ...argv.slice(at + 1)];
}

/** Runs the command and resolves with its exit code (the CLI itself prints to stdout/stderr). */
export async function runCli(argv: readonly string[]): Promise<number> {
  const { run } = await import('../cli/index');
  return run(argv);
}
