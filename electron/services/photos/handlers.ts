import type { OutputOf, ParsedInputOf } from '../../../shared/contract/define';
import type { PhotoAddResult, photosContract } from '../../../shared/contract/photos';
import { AppError } from '../../../shared/errors';
import { say } from '../../../shared/messages';
import type { HandlerContext } from '../api';
import { labelRoutingOf } from '../routing/desk';
import { hotFolderOf } from './hotFolder';
import { addPhotos } from './index';
import { deletePhoto, linkDefect, reorderPhotos, restorePhoto, setMainPhoto } from './manage';

type PhotosContract = typeof photosContract;

export type PhotosHandlers = {
  readonly [M in keyof PhotosContract]: (
    input: ParsedInputOf<PhotosContract[M]>,
    ctx: HandlerContext,
  ) => Promise<OutputOf<PhotosContract[M]>>;
};

/** The photo desk's methods, merged into the API's handler map in ../api.ts. */
export const photosHandlers: PhotosHandlers = {
  'photos.add': async (input, { ws, actor }) => {
    const results = await addPhotos(
      ws,
      actor,
      input.itemId,
      input.files.map((file) => ({ name: file.name, bytes: file.bytes, source: input.source })),
    );
    // The hash stays on the server side of the answer: the desk refetches the item for it.
    return results.map((r): PhotoAddResult =>
      r.ok
        ? {
            ok: true,
            name: r.name,
            photoId: r.photoId,
            width: r.width,
            height: r.height,
            warnings: r.warnings,
            duplicate: r.duplicate,
          }
        : { ok: false, name: r.name, code: r.code, reason: r.reason, text: r.text },
    );
  },
  'photos.hotFolderStatus': async (_input, { ws }) => hotFolderOf(ws).currentStatus(),
  'photos.setHotFolder': async (input, { ws }) => hotFolderOf(ws).setFolder(input.path),
  'photos.setActiveItem': async (input, { ws, actor }) => {
    if (input.itemId !== null) {
      const item = await ws.kysely
        .selectFrom('items')
        .select('id')
        .where('id', '=', input.itemId)
        .executeTakeFirst();
      if (!item) throw new AppError('not_found', say('items.not_found', { id: String(input.itemId) }));
    }
    return hotFolderOf(ws).setActiveItem(input.itemId, actor);
  },
  'photos.routing': async (_input, { ws, actor }) => labelRoutingOf(ws, actor).status(),
  'photos.setRouting': async (input, { ws, actor }) => {
    const routing = labelRoutingOf(ws, actor);
    const status = await routing.set(input.on, {
      keepLabelShots: input.keepLabelShots,
      merchantId: input.merchantId,
    });
    // This workspace's own camera folder follows the person who shoots by label.
    hotFolderOf(ws).routeBy(input.on ? routing : null, actor);
    return status;
  },
  'photos.resumeRouting': async (_input, { ws, actor }) => labelRoutingOf(ws, actor).resume(),
  'photos.addByLabel': async (input, { ws, actor }) =>
    labelRoutingOf(ws, actor).add(
      actor,
      input.files.map((file) => ({ name: file.name, bytes: file.bytes, source: input.source })),
    ),
  'photos.move': async (input, { ws, actor }) =>
    labelRoutingOf(ws, actor).move(actor, input.photoId, input.itemId),
  'photos.reorder': async (input, { ws, actor }) => reorderPhotos(ws, actor, input.itemId, input.photoIds),
  'photos.setMain': async (input, { ws, actor }) => setMainPhoto(ws, actor, input.photoId),
  'photos.delete': async (input, { ws, actor }) => deletePhoto(ws, actor, input.photoId),
  'photos.restore': async (input, { ws, actor }) => restorePhoto(ws, actor, input.photoId),
  'photos.linkDefect': async (input, { ws, actor }) => linkDefect(ws, actor, input.defectId, input.photoId),
};
