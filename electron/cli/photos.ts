import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ItemDetail } from '../../shared/contract';
import type { AddPhotoResult } from '../services/photos';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, openWorkspace, withWorkspaceOptions } from './common';
import { invoke, services } from './load';

/**
 * Photos on the command line: `rebound photos add ITEM FILE...` — the same pipeline as the desk
 * (checks, conversion, quality warnings, duplicates). Exit 0 once every file has been processed,
 * even when some were refused (each refusal is listed with its reason and counted in the summary
 * line): a bad photo is an answer, not a failure of the command. Exit 1 when the item does not
 * exist, 2 on bad usage.
 */

/** An item by its Rebound reference (RB-000123) or its numeric id. */
async function findItem(ws: Workspace, ref: string): Promise<ItemDetail> {
  if (/^\d+$/.test(ref)) return await invoke(ws, 'items.get', { id: Number(ref) });
  return await invoke(ws, 'items.getByReference', { reference: ref });
}

function describe(result: AddPhotoResult): string {
  if (!result.ok) return `rejected  ${result.name}: ${result.reason}`;
  const warnings = result.warnings.length > 0 ? `, warnings: ${result.warnings.join(', ')}` : '';
  const duplicate = result.duplicate ? ' (already on the item)' : '';
  return `accepted  ${result.name} → photo ${result.photoId}, ${result.width}×${result.height}${warnings}${duplicate}`;
}

export function registerPhotosCommands(program: Command, io: CliIo): void {
  const photos = program.command('photos').description('photos of returned items');
  withWorkspaceOptions(photos.command('add'))
    .description('add photos to an item (JPEG, PNG, WebP, TIFF; HEIC where supported)')
    .argument('<item>', 'the item’s Rebound reference (e.g. RB-000123) or id')
    .argument('<files...>', 'image files')
    .option('--json', 'print machine-readable JSON')
    .action(async (ref: string, files: string[], options: CommonOptions) => {
      const { SYSTEM_ACTOR, addPhotos, closePhotoPool } = await services();
      const ws = await openWorkspace(options);
      try {
        const item = await findItem(ws, ref);
        const results = await addPhotos(
          ws,
          SYSTEM_ACTOR,
          item.id,
          files.map((file) => {
            const full = path.resolve(file);
            // A missing path is reported by the pipeline as unreadable, like any other bad file.
            return {
              path: full,
              name: fs.existsSync(full) ? path.basename(full) : file,
              source: 'cli' as const,
            };
          }),
        );
        const accepted = results.filter((r) => r.ok).length;
        const rejected = results.length - accepted;
        const summary = `${accepted} accepted, ${rejected} rejected`;
        if (options.json) {
          io.out(
            `${JSON.stringify({ item: { id: item.id, reference: item.reference }, accepted, rejected, results }, null, 2)}\n`,
          );
        } else {
          const lines = results.map(describe);
          io.out(
            `${lines.join('\n')}\n${summary} for ${item.reference}${rejected > 0 ? ' — all files were processed; the rejected ones are listed with their reason' : ''}.\n`,
          );
        }
      } finally {
        await closePhotoPool();
        await ws.close();
      }
    });
}
