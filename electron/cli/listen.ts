import { Option, type Command } from 'commander';
import { isLoopback } from '../server/loopback';
import { readFileOrSay, toInt, usage } from './common';

/**
 * Where a serving command (`rebound serve`, `rebound server`) listens, and the rule both keep:
 * loopback unless told otherwise, and nothing beyond loopback without TLS (or a TLS proxy in
 * front, said out loud with --insecure-http).
 */
export interface ListenOptions {
  host: string;
  port: string;
  allowRemote?: boolean;
  tlsCert?: string;
  tlsKey?: string;
  insecureHttp?: boolean;
}

/** Each option may also come from the environment (REBOUND_HOST, REBOUND_PORT, …), as a service manager sets it. */
export function withListenOptions(command: Command, defaultPort = '5178'): Command {
  return command
    .addOption(new Option('--host <host>', 'address to bind').default('127.0.0.1').env('REBOUND_HOST'))
    .addOption(
      new Option('--port <port>', 'port to bind (0 picks a free one)')
        .default(defaultPort)
        .env('REBOUND_PORT'),
    )
    .option(
      '--allow-remote',
      'allow binding to an address other than loopback, so other devices can sign in (needs --tls-cert and --tls-key, or --insecure-http)',
    )
    .addOption(
      new Option('--tls-cert <file>', 'certificate (PEM) to serve HTTPS with').env('REBOUND_TLS_CERT'),
    )
    .addOption(new Option('--tls-key <file>', 'private key (PEM) of that certificate').env('REBOUND_TLS_KEY'))
    .option(
      '--insecure-http',
      'with --allow-remote: serve plain HTTP anyway (only behind a TLS reverse proxy)',
    );
}

export interface ListenPlan {
  readonly host: string;
  readonly port: number;
  readonly tls: { readonly cert: Buffer; readonly key: Buffer } | undefined;
}

export function listenPlan(options: ListenOptions): ListenPlan {
  if (!isLoopback(options.host) && !options.allowRemote) {
    throw usage(`Refusing to listen on ${options.host}: only loopback is allowed without --allow-remote.`);
  }
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined)) {
    throw usage('--tls-cert and --tls-key go together.');
  }
  const tls =
    options.tlsCert !== undefined && options.tlsKey !== undefined
      ? {
          cert: readFileOrSay(options.tlsCert, '--tls-cert'),
          key: readFileOrSay(options.tlsKey, '--tls-key'),
        }
      : undefined;
  if (!isLoopback(options.host) && tls === undefined && !options.insecureHttp) {
    throw usage(
      `Refusing to serve ${options.host} over plain HTTP: passwords and sessions would cross the network readable. Give --tls-cert and --tls-key, or put Rebound behind a TLS reverse proxy and say --insecure-http.`,
    );
  }
  return { host: options.host, port: toInt(options.port, '--port'), tls };
}
