/**
 * Everything of the app's services and server the commands use, in one module that the command
 * line loads on first use (services() in ./load.ts): defining the commands, answering --help and
 * --version, and refusing a mistyped command load none of it, while it and its packages are
 * most of a command's start-up time (`npm run bench -- startup`).
 */
export { createFirstAdmin, hasPeople } from '../services/accounts/people';
export { SYSTEM_ACTOR } from '../services/actor';
export { invoke, toErrorData } from '../services/api';
export { startBackgroundWork } from '../services/background';
export { backupsDir } from '../services/backup/files';
export { backupTo, DATABASE_FILE, restoreBackup } from '../services/backup/restore';
export { resolveShop } from '../services/channels/shops';
export { pendingMigration } from '../services/db/connection';
export { copyWorkspace } from '../services/db/postgres/copy';
export { ServerInstance } from '../services/db/postgres/instance';
export { EXPORT_TASK, exportSales, getAccountCodes, setAccountCodes } from '../services/exports';
export { JobRunner } from '../services/jobs/runner';
export { addPhotos, closePhotoPool } from '../services/photos';
export { routePhotoFiles } from '../services/routing/routeFiles';
export { writeStatementPdf } from '../services/statements';
export { Workspace } from '../services/workspace';
export { startServer } from '../server/http';
