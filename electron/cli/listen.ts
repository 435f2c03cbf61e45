import { Option, type Command } from 'commander';
import { isLoopback } from '../server/loopback';
import type { Language } from '../../shared/domain/status';
import { languageOf, readFileOrSay, toInt, UsageError } from './common';
import { wordsIn, type CliValue } from './texts';
import { LISTEN_TEXTS } from './texts/listen';

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
  const t = wordsIn(LISTEN_TEXTS, languageOf(command));
  return command
    .addOption(new Option('--host <host>', t('option.host')).default('127.0.0.1').env('REBOUND_HOST'))
    .addOption(new Option('--port <port>', t('option.port')).default(defaultPort).env('REBOUND_PORT'))
    .option('--allow-remote', t('option.allowRemote'))
    .addOption(new Option('--tls-cert <file>', t('option.tlsCert')).env('REBOUND_TLS_CERT'))
    .addOption(new Option('--tls-key <file>', t('option.tlsKey')).env('REBOUND_TLS_KEY'))
    .option('--insecure-http', t('option.insecureHttp'));
}

function refuse(key: keyof typeof LISTEN_TEXTS, values?: Readonly<Record<string, CliValue>>): UsageError {
  const said = (language: Language) => wordsIn(LISTEN_TEXTS, language)(key, values);
  return new UsageError(said('en'), said);
}

export interface ListenPlan {
  readonly host: string;
  readonly port: number;
  readonly tls: { readonly cert: Buffer; readonly key: Buffer } | undefined;
}

export function listenPlan(options: ListenOptions): ListenPlan {
  if (!isLoopback(options.host) && !options.allowRemote) {
    throw refuse('error.loopbackOnly', { host: options.host });
  }
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined)) {
    throw refuse('error.tlsPair');
  }
  const tls =
    options.tlsCert !== undefined && options.tlsKey !== undefined
      ? {
          cert: readFileOrSay(options.tlsCert, '--tls-cert'),
          key: readFileOrSay(options.tlsKey, '--tls-key'),
        }
      : undefined;
  if (!isLoopback(options.host) && tls === undefined && !options.insecureHttp) {
    throw refuse('error.plainHttp', { host: options.host });
  }
  return { host: options.host, port: toInt(options.port, '--port'), tls };
}
