import type { z } from 'zod';
import type { Settings, SettingsPatch } from '../../shared/contract';
import { LANGUAGES, type Language } from '../../shared/domain/status';
import { THEMES, type Theme } from '../../shared/contract';
import type { Workspace } from './workspace';

// No language until someone chooses one: until then each window follows its system's (a French
// desk's browser or app is French from the first screen), instead of a default that is English.
const DEFAULTS: Settings = { language: null, theme: 'auto' };

async function readSetting(ws: Workspace, key: string): Promise<unknown> {
  const row = await ws.kysely
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export async function writeSetting(ws: Workspace, key: string, value: unknown): Promise<void> {
  await ws.kysely
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute();
}

export async function getSettings(ws: Workspace): Promise<Settings> {
  const language = await readSetting(ws, 'language');
  const theme = await readSetting(ws, 'theme');
  return {
    language: LANGUAGES.includes(language as Language) ? (language as Language) : DEFAULTS.language,
    theme: THEMES.includes(theme as Theme) ? (theme as Theme) : DEFAULTS.theme,
  };
}

export async function updateSettings(
  ws: Workspace,
  patch: z.output<typeof SettingsPatch>,
): Promise<Settings> {
  if (patch.language) await writeSetting(ws, 'language', patch.language);
  if (patch.theme) await writeSetting(ws, 'theme', patch.theme);
  ws.changed('settings');
  return getSettings(ws);
}

export async function isDemoWorkspace(ws: Workspace): Promise<boolean> {
  return (await readSetting(ws, 'demo')) === true;
}
