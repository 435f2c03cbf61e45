import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ItemDetail } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { StoredMessage } from '../../shared/messages/message';
import { englishText, renderMessage } from '../../shared/messages/render';
import type { AddPhotoResult } from '../services/photos';
import type { RoutedFile } from '../services/routing/routeFiles';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, merchantOf, openWorkspace, withWorkspaceOptions } from './common';
import { invoke, services } from './load';
import { PHOTOS_TEXTS } from './texts/photos';
import { wordsIn, type Words } from './texts';

type T = Words<keyof typeof PHOTOS_TEXTS & string>;

/**
 * Photos on the command line: `rebound photos add ITEM FILE...` — the same pipeline as the desk
 * (checks, conversion, quality warnings, duplicates). Exit 0 once every file has been processed,
 * even when some were refused (each refusal is listed with its reason and counted in the summary
 * line): a bad photo is an answer, not a failure of the command. Exit 1 when the item does not
 * exist, 2 on bad usage.
 *
 * `rebound photos route FILE...` files a session of shots by the labels in them
 * (services/routing): exit 0 once every file is filed or answered for, 1 when a label stopped
 * the routing (the files from there on are listed, unfiled, and the reason goes to stderr).
 */

/** An item by its Rebound reference (RB-000123) or its numeric id. */
async function findItem(ws: Workspace, ref: string): Promise<ItemDetail> {
  if (/^\d+$/.test(ref)) return await invoke(ws, 'items.get', { id: Number(ref) });
  return await invoke(ws, 'items.getByReference', { reference: ref });
}

function describe(t: T, result: AddPhotoResult): string {
  // "accepted" and "rejected" padded to one width, so the file names line up.
  const width = Math.max(t('add.accepted').length, t('add.rejected').length) + 2;
  if (!result.ok) {
    // In English the pipeline's own reason, which may say more (the decoder's detail).
    const reason =
      t.language === 'en' ? result.reason : renderMessage(result.text, t.language, result.reason);
    return `${t('add.rejected').padEnd(width)}${t('add.refusal', { name: result.name, reason })}`;
  }
  const warnings =
    result.warnings.length > 0 ? t('add.warnings', { warnings: result.warnings.join(', ') }) : '';
  const duplicate = result.duplicate ? t('add.duplicate') : '';
  const photo = t('add.photo', {
    name: result.name,
    id: result.photoId,
    width: result.width,
    height: result.height,
  });
  return `${t('add.accepted').padEnd(width)}${photo}${warnings}${duplicate}`;
}

export function registerPhotosCommands(program: Command, io: CliIo): void {
  const t = wordsIn(PHOTOS_TEXTS, io.language);
  const photos = program.command('photos').description(t('photos.description'));
  withWorkspaceOptions(photos.command('add'))
    .description(t('add.description'))
    .argument('<item>', t('add.item.argument'))
    .argument('<files...>', t('add.files.argument'))
    .option('--json', t('json.option'))
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
        if (options.json) {
          io.out(
            `${JSON.stringify({ item: { id: item.id, reference: item.reference }, accepted, rejected, results }, null, 2)}\n`,
          );
        } else {
          const lines = results.map((result) => describe(t, result));
          const summary = t(rejected > 0 ? 'add.summaryRejected' : 'add.summary', {
            accepted,
            rejected,
            reference: item.reference,
          });
          io.out(`${lines.join('\n')}\n${summary}\n`);
        }
      } finally {
        await closePhotoPool();
        await ws.close();
      }
    });

  withWorkspaceOptions(photos.command('route'))
    .description(t('route.description'))
    .argument('<files...>', t('route.files.argument'))
    .option('--keep-label-shots', t('route.keepLabelShots.option'))
    .option('--merchant <merchant>', t('route.merchant.option'))
    .option('--json', t('json.option'))
    .action(async (files: string[], options: RouteCliOptions) => {
      const { SYSTEM_ACTOR, closePhotoPool, routePhotoFiles } = await services();
      const ws = await openWorkspace(options);
      try {
        const merchant = options.merchant === undefined ? null : await merchantOf(ws, options.merchant);
        const routed = await routePhotoFiles(
          ws,
          SYSTEM_ACTOR,
          files.map((file) => {
            const full = path.resolve(file);
            return { path: full, name: fs.existsSync(full) ? path.basename(full) : file };
          }),
          {
            keepLabelShots: options.keepLabelShots === true,
            merchant: merchant && { id: merchant.id, name: merchant.name },
            source: 'cli',
          },
        );
        const rows = routed.map((result, index) => routeRow(files[index]!, result));
        if (options.json) {
          io.out(`${JSON.stringify(rows, null, 2)}\n`);
        } else {
          // --lang, else the environment's locale, as every message of the command line.
          const language = t.language;
          const lines = rows.map((row, index) => {
            const why = whyNotFiled(routed[index]!);
            // In English the row's own text, which may say more (cli/index.ts does the same).
            const text =
              why && (language === 'en' ? row.why : renderMessage(why, language, row.why ?? undefined));
            return describeRoute(t, row, text);
          });
          io.out(`${lines.join('\n')}\n${routeSummary(t, rows)}\n`);
        }
        const stop = routed.find((result) => result.routed.kind === 'stopped');
        if (stop?.routed.kind === 'stopped') {
          throw new AppError('conflict', stop.routed.message, { file: files[routed.indexOf(stop)] });
        }
      } finally {
        await closePhotoPool();
        await ws.close();
      }
    });
}

interface RouteCliOptions extends CommonOptions {
  keepLabelShots?: boolean;
  merchant?: string;
}

/** One file of `photos route`, as printed. */
interface RouteRow {
  readonly file: string;
  readonly item: { readonly id: number; readonly reference: string } | null;
  readonly reason: 'label' | 'follows_label' | 'unrouted' | 'stopped';
  /** The label read on the photo itself, if any. */
  readonly label: { readonly reference: string; readonly format: string; readonly at: string } | null;
  /** On the item now: false for a dropped label shot, a refused file, and everything unrouted. */
  readonly added: boolean;
  readonly photoId: number | null;
  /** In English: why the photo is not on an item (refused by the pipeline, unrouted, stopped). */
  readonly why: string | null;
}

/** Why a photo is not on an item: routing said so, or the photo pipeline refused the file. */
function whyNotFiled({ routed, photo }: RoutedFile): StoredMessage | null {
  if (routed.kind === 'unrouted' || routed.kind === 'stopped') return routed.message;
  return photo && !photo.ok ? photo.text : null;
}

function routeRow(file: string, result: RoutedFile): RouteRow {
  const { label, routed, photo } = result;
  const item =
    routed.kind === 'label' || routed.kind === 'follows_label'
      ? { id: routed.item.id, reference: routed.item.reference }
      : null;
  const message = whyNotFiled(result);
  // The pipeline's own English reason may say more than its message (the decoder's detail).
  const why = photo && !photo.ok ? photo.reason : message && englishText(message);
  return {
    file,
    item,
    reason: routed.kind,
    label,
    added: photo?.ok === true,
    photoId: photo?.ok ? photo.photoId : null,
    why,
  };
}

function describeRoute(t: T, row: RouteRow, why: string | null): string {
  const where = row.item?.reference ?? '—';
  const how =
    row.reason === 'label'
      ? t(row.added || why ? 'route.label' : 'route.labelDropped')
      : row.reason === 'follows_label'
        ? t('route.follows')
        : t(`route.${row.reason}`);
  return `${row.file}  ${where}  ${why ? t('route.why', { how, why }) : how}`;
}

function routeSummary(t: T, rows: readonly RouteRow[]): string {
  const added = rows.filter((row) => row.added).length;
  const items = new Set(rows.filter((row) => row.added).map((row) => row.item?.id)).size;
  return t('route.summary', { added, total: rows.length, count: items });
}
