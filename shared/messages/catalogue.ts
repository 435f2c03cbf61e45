import type { Wordings } from './define';
import { ACCOUNTS_MESSAGES } from './areas/accounts';
import { BACKUP_MESSAGES } from './areas/backup';
import { CHANNELS_MESSAGES } from './areas/channels';
import { CLI_MESSAGES } from './areas/cli';
import { COMMON_MESSAGES } from './areas/common';
import { DESCRIPTIONS_MESSAGES } from './areas/descriptions';
import { EXPORTS_MESSAGES } from './areas/exports';
import { INTAKE_MESSAGES } from './areas/intake';
import { ITEMS_MESSAGES } from './areas/items';
import { JOBS_MESSAGES } from './areas/jobs';
import { PHOTOS_MESSAGES } from './areas/photos';
import { PRICING_MESSAGES } from './areas/pricing';
import { ROUTING_MESSAGES } from './areas/routing';
import { SERVER_MESSAGES } from './areas/server';
import { WORKSPACE_MESSAGES } from './areas/workspace';

/**
 * Every message the services, the server and the CLI say to a person, by area. An area's codes
 * start with its name (`messages.test.ts` holds that), so two areas cannot claim the same code.
 */
export const AREAS = {
  accounts: ACCOUNTS_MESSAGES,
  backup: BACKUP_MESSAGES,
  channels: CHANNELS_MESSAGES,
  cli: CLI_MESSAGES,
  common: COMMON_MESSAGES,
  descriptions: DESCRIPTIONS_MESSAGES,
  exports: EXPORTS_MESSAGES,
  intake: INTAKE_MESSAGES,
  items: ITEMS_MESSAGES,
  jobs: JOBS_MESSAGES,
  photos: PHOTOS_MESSAGES,
  pricing: PRICING_MESSAGES,
  routing: ROUTING_MESSAGES,
  server: SERVER_MESSAGES,
  workspace: WORKSPACE_MESSAGES,
} as const;

type Areas = typeof AREAS;
type AllCodes<A> = { [K in keyof A]: keyof A[K] & string }[keyof A];

/** Every message code the app knows. */
export type MessageCode = AllCodes<Areas>;

/** The wordings of every code, in one table. */
export const CATALOGUE: Readonly<Record<MessageCode, Wordings>> = Object.assign(
  {},
  ...Object.values(AREAS),
) as Readonly<Record<MessageCode, Wordings>>;
