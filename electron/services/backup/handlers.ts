import type { backupsContract } from '../../../shared/contract/backups';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract/define';
import type { HandlerContext } from '../api';
import { backupsDir, listBackups, takeBackup } from './files';

type BackupsContract = typeof backupsContract;

export type BackupsHandlers = {
  readonly [M in keyof BackupsContract]: (
    input: ParsedInputOf<BackupsContract[M]>,
    ctx: HandlerContext,
  ) => Promise<OutputOf<BackupsContract[M]>>;
};

/** The backups of the workspace database (Settings → Backups), merged into ../api.ts. */
export const backupsHandlers: BackupsHandlers = {
  'backups.list': async (_input, { ws }) => ({
    dir: backupsDir(ws.dataDir),
    backups: listBackups(ws.dataDir),
  }),
  'backups.create': async (_input, { ws }) => {
    const backup = takeBackup(ws.sqliteHandle(), ws.dataDir, 'manual');
    ws.changed('backups');
    return backup;
  },
};
