import { run } from '../../electron/cli/index';

/** What one `rebound …` run printed, and its exit code. */
export interface CliOutcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs the CLI in this process, as `rebound ARGS…` on a terminal would, collecting what it
 * writes. For the CLI's tests only.
 */
export async function rebound(...args: string[]): Promise<CliOutcome> {
  return reboundWithInput('', ...args);
}

/** The same, with this text on standard input (`--password-stdin`). */
export async function reboundWithInput(stdin: string, ...args: string[]): Promise<CliOutcome> {
  let out = '';
  let err = '';
  const code = await run(['node', 'rebound', ...args], {
    out: (text) => (out += text),
    err: (text) => (err += text),
    readStdin: async () => stdin,
  });
  return { code, out, err };
}
