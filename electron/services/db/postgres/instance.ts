import os from 'node:os';
import crypto from 'node:crypto';
import type pg from 'pg';
import type { ServerEvent } from '../../../../shared/contract';
import type { Workspace } from '../../workspace';
import { pgDriver, REBOUND_PG_TYPES, type PostgresDb } from './connect';

/** The channel every instance of one server listens on for the others' changes. */
const EVENTS_CHANNEL = 'rebound_events';
/** NOTIFY carries at most 8000 bytes; a change is a handful of domain names. */
const MAX_PAYLOAD = 7_900;

interface Broadcast {
  readonly from: string;
  readonly event: ServerEvent;
}

/**
 * What makes one instance of the server known to the others, over one connection of its own
 * (outside the pool, so it is never handed to a query):
 *
 * - **Presence.** The instance holds a session advisory lock named by its id for as long as it
 *   runs. PostgreSQL releases it the moment the connection ends, however the process ended
 *   (SIGKILL, a crash, a lost host), so "is that instance still there?" is one try of its lock;
 *   the job runner asks it before taking over a job another instance left running.
 * - **Changes.** A change made here is sent with NOTIFY, and the others' arrive by LISTEN and are
 *   passed to `onEvent`, so a window connected to any instance sees any instance's work within a
 *   moment, as it sees this one's.
 *
 * Losing this connection means the instance can no longer prove it is alive, and another may take
 * over its work: `onLost` is called, and the server stops rather than risk running a job twice.
 */
export class ServerInstance {
  readonly id: string;
  private readonly client: pg.Client;
  private closing = false;
  /**
   * The connection answers one query at a time: every query of this instance (NOTIFYs sent as
   * changes happen, presence checks) waits for the one before, instead of piling onto the client.
   */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(client: pg.Client, id: string) {
    this.client = client;
    this.id = id;
  }

  static async start(
    url: string,
    handlers: { onEvent: (event: ServerEvent) => void; onLost: (error: Error) => void },
  ): Promise<ServerInstance> {
    const id = `instance-${os.hostname()}-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
    const client = new (pgDriver().Client)({
      connectionString: url,
      types: REBOUND_PG_TYPES,
      application_name: id.slice(0, 60),
    });
    await client.connect();
    const instance = new ServerInstance(client, id);
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [presenceKey(id)]);
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      await client.end();
      throw error;
    }
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      const broadcast = parseBroadcast(message.payload);
      if (broadcast && broadcast.from !== id) handlers.onEvent(broadcast.event);
    });
    const lost = (error: Error) => {
      if (instance.closing) return;
      instance.closing = true;
      handlers.onLost(error);
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('the connection to the database ended')));
    return instance;
  }

  /**
   * Makes a server workspace one instance of its server: its changes reach the other instances
   * and theirs arrive at its listeners, for as long as this connection lasts.
   */
  static async join(
    ws: Workspace<PostgresDb>,
    onLost: (error: Error) => void = () => undefined,
  ): Promise<ServerInstance> {
    const instance = await ServerInstance.start(ws.db.url, { onEvent: (event) => ws.receive(event), onLost });
    ws.joinServer(instance);
    return instance;
  }

  /** Tells the other instances about a change made here (only changes: progress is the caller's own). */
  async publish(event: ServerEvent): Promise<void> {
    if (event.type !== 'changed' || this.closing) return;
    const payload = JSON.stringify({ from: this.id, event } satisfies Broadcast);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) return;
    await this.inTurn(() => this.client.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, payload]));
  }

  /**
   * Whether the instance that holds `workerId`'s presence has gone. Any id not of an instance
   * (a desk's worker, a test's) is never judged gone here.
   */
  async isGone(workerId: string): Promise<boolean> {
    if (workerId === this.id || !workerId.startsWith('instance-')) return false;
    const key = presenceKey(workerId);
    return this.inTurn(async () => {
      const { rows } = await this.client.query<{ free: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS free',
        [key],
      );
      if (!rows[0]?.free) return false;
      await this.client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
      return true;
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(work, work);
    // The next query waits for this one however it ends; its failure is the caller's.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.queue;
    await this.client.end();
  }
}

function presenceKey(id: string): string {
  return `rebound:presence:${id}`;
}

function parseBroadcast(payload: string): Broadcast | null {
  try {
    const value = JSON.parse(payload) as Broadcast;
    const event = value?.event;
    if (typeof value?.from !== 'string' || event?.type !== 'changed' || !Array.isArray(event.domains))
      return null;
    return {
      from: value.from,
      event: { type: 'changed', domains: event.domains.filter((d) => typeof d === 'string') },
    };
  } catch {
    return null;
  }
}
