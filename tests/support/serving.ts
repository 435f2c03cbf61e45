import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'rebound.mjs');

/** What a serving `rebound` command says once it listens (`--json`): `server` adds its instance. */
export interface ServingInfo {
  readonly url: string;
  readonly origin: string;
  readonly instance?: string;
}

export interface Serving extends ServingInfo {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything it has written so far, for a failure's message. */
  readonly output: () => { readonly stdout: string; readonly stderr: string };
}

/**
 * Starts a serving `rebound` command (`serve`, `server`) given with `--json` and `--port 0` as a
 * process of its own, as from a terminal, and resolves with the line of JSON it prints once it
 * listens. Used by the end-to-end tests, the server's integration tests and the load benchmark.
 */
export async function startServing(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<Serving> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const info = await new Promise<ServingInfo>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Only whole lines: on a busy machine the JSON line can arrive in two chunks.
      const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
      const line = complete.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      try {
        resolve(JSON.parse(line) as ServingInfo);
      } catch (error) {
        reject(new Error(`rebound ${args[0]} printed an unreadable line: ${line}`, { cause: error }));
      }
    });
    child.once('exit', (code, signal) =>
      reject(
        new Error(`rebound ${args[0]} exited (code ${code}, signal ${signal}): ${stderr}\nstdout: ${stdout}`),
      ),
    );
  });
  return { child, ...info, output: () => ({ stdout, stderr }) };
}
