import { z } from 'zod';
import { LANGUAGES, type Language } from '../domain/status';
import { method } from './define';

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

export interface WorkspaceStatus {
  readonly dataDir: string;
  readonly schemaVersion: number;
  readonly appVersion: string;
  readonly merchantCount: number;
  readonly itemCount: number;
  readonly isEmpty: boolean;
  readonly isDemo: boolean;
}

export interface DemoSummary {
  readonly merchantId: number;
  readonly items: number;
  readonly photos: number;
}

export interface Settings {
  /** The language someone chose for the workspace; null until then, when each window shows its system's. */
  readonly language: Language | null;
  readonly theme: Theme;
}

export const SettingsPatch = z
  .object({
    language: z.enum(LANGUAGES).optional(),
    theme: z.enum(THEMES).optional(),
  })
  .strict();

export const workspaceContract = {
  'workspace.status': method<WorkspaceStatus>()(z.object({}).strict()),
  'workspace.createDemo': method<DemoSummary>()(z.object({}).strict(), { writes: true }),
  'settings.get': method<Settings>()(z.object({}).strict()),
  'settings.update': method<Settings>()(SettingsPatch, { writes: true }),
} as const;
