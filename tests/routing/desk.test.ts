import { afterAll, describe, expect, onTestFinished, test } from 'vitest';
import type { LabelRoutingStatus, RoutedPhoto } from '../../shared/contract/photos';
import { dispatch } from '../../electron/services/api';
import { closePhotoPool } from '../../electron/services/photos';
import { Workspace } from '../../electron/services/workspace';
import { addItem, addMerchant, addProduct } from '../integration/seed';
import { tempDir, tempWorkspace } from '../integration/temp';
import { onPostgres, tempPostgresDatabase } from '../support/workspace';
import { photosByItem } from './filed';
import { shoot } from './shots';

/**
 * The photo desk shooting by label, through the methods the window calls: shots arrive in
 * batches as the camera writes them, each is filed where its label (or the last label) says, the
 * photographer moves a misfiled one, and a label nobody can trust stops the session until she
 * has looked.
 */

afterAll(async () => {
  await closePhotoPool();
});

const FRAME = { width: 2400, height: 1600 } as const;
let seed = 10;

/** A shot as the desk uploads it: the product, and the item's label in the frame when given. */
async function shot(name: string, label?: string) {
  seed++;
  const bytes = await shoot({
    ...FRAME,
    seed,
    quality: 82,
    ...(label ? { label: { reference: label, widthPx: 420, angle: seed % 2 ? 6 : -9 } } : {}),
  });
  return { name, bytes: new Uint8Array(bytes) };
}

async function desk(ws: Workspace) {
  const velo = await addMerchant(ws, { name: 'Velo Shop' });
  const casa = await addMerchant(ws, { name: 'Casa Bella' });
  const lamp = await addProduct(ws, { merchantId: velo, sku: 'LAMP', title: 'Desk lamp' });
  const kettle = await addProduct(ws, { merchantId: casa, sku: 'KETTLE', title: 'Kettle' });
  return {
    velo,
    first: await addItem(ws, { merchantId: velo, productId: lamp, reference: 'RB-000001' }),
    second: await addItem(ws, { merchantId: velo, productId: lamp, reference: 'RB-000002' }),
    kettle: await addItem(ws, { merchantId: casa, productId: kettle, reference: 'RB-000003' }),
  };
}

const send = async (ws: Workspace, files: { name: string; bytes: Uint8Array }[]) =>
  (await dispatch(ws, 'photos.addByLabel', { source: 'drop', files })) as RoutedPhoto[];
const status = async (ws: Workspace) => (await dispatch(ws, 'photos.routing', {})) as LabelRoutingStatus;

describe('shooting by label at the photo desk', () => {
  test('shots follow their labels across batches; a misfiled one is moved; the label shots are dropped', async () => {
    const ws = await tempWorkspace();
    const { first, second } = await desk(ws);

    // Off, the desk refuses to guess: shots without an open item need the mode.
    await expect(send(ws, [await shot('early.jpg')])).rejects.toMatchObject({ code: 'conflict' });

    await dispatch(ws, 'photos.setRouting', { on: true, keepLabelShots: false, merchantId: null });
    const before = await send(ws, [await shot('before-any-label.jpg')]);
    expect(before[0]).toMatchObject({ how: 'unrouted', item: null, photoId: null });

    // The camera writes the label shot and two more; then one more arrives on its own.
    const batch = await send(ws, [
      await shot('a-label.jpg', 'RB-000001'),
      await shot('a-1.jpg'),
      await shot('a-2.jpg'),
    ]);
    expect(batch.map((line) => [line.how, line.item?.reference ?? null, line.dropped])).toEqual([
      ['label', null, true],
      ['follows_label', 'RB-000001', false],
      ['follows_label', 'RB-000001', false],
    ]);
    expect(batch[0]!.label).toBe('RB-000001');
    const late = await send(ws, [await shot('a-3.jpg')]);
    expect(late[0]).toMatchObject({ how: 'follows_label', item: { id: first, reference: 'RB-000001' } });

    // The next item's label; its first shot was taken before the label was in frame.
    await send(ws, [await shot('b-label.jpg', 'RB-000002'), await shot('b-1.jpg')]);
    expect(await photosByItem(ws)).toEqual({
      'RB-000001': ['a-1.jpg', 'a-2.jpg', 'a-3.jpg'],
      'RB-000002': ['b-1.jpg'],
    });

    // a-3 belonged to the next item: one key moves it, and the desk's list says so.
    await dispatch(ws, 'photos.move', { photoId: late[0]!.photoId!, itemId: second });
    expect(await photosByItem(ws)).toEqual({
      'RB-000001': ['a-1.jpg', 'a-2.jpg'],
      'RB-000002': ['b-1.jpg', 'a-3.jpg'],
    });
    const now = await status(ws);
    expect(now.photos.find((line) => line.name === 'a-3.jpg')).toMatchObject({
      item: { id: second },
      movedFrom: { id: first },
    });
    expect(now.items.map((item) => item.reference)).toEqual(['RB-000001', 'RB-000002']);
    expect(now.current?.reference).toBe('RB-000002');
    // Newest first, every shot of the session listed.
    expect(now.photos.map((line) => line.n)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    await ws.close();
  });

  test('a label of an unknown item or of another merchant stops the session until the desk resumes', async () => {
    const ws = await tempWorkspace();
    const { velo } = await desk(ws);
    await dispatch(ws, 'photos.setRouting', { on: true, keepLabelShots: true, merchantId: velo });

    const lines = await send(ws, [
      await shot('a-label.jpg', 'RB-000001'),
      await shot('kettle-label.jpg', 'RB-000003'),
      await shot('kettle-1.jpg'),
    ]);
    expect(lines.map((line) => [line.how, line.item?.reference ?? null])).toEqual([
      ['label', 'RB-000001'],
      ['stopped', null],
      ['stopped', null],
    ]);
    const stopped = await status(ws);
    expect(stopped.stopped).toMatchObject({ reference: 'RB-000003' });
    expect(stopped.stopped!.reason).toContain('Casa Bella');

    // Nothing is filed while stopped, even a shot with a good label.
    const meanwhile = await send(ws, [await shot('b-label.jpg', 'RB-000002')]);
    expect(meanwhile[0]).toMatchObject({ how: 'stopped', photoId: null });

    await dispatch(ws, 'photos.resumeRouting', {});
    const after = await send(ws, [await shot('b-label-again.jpg', 'RB-000002'), await shot('b-1.jpg')]);
    expect(after.map((line) => line.item?.reference)).toEqual(['RB-000002', 'RB-000002']);
    expect(await photosByItem(ws)).toEqual({
      'RB-000001': ['a-label.jpg'],
      'RB-000002': ['b-label-again.jpg', 'b-1.jpg'],
    });

    // A photo cannot go to another merchant's item by hand either.
    const kettle = (
      await ws.kysely
        .selectFrom('items')
        .select('id')
        .where('reference', '=', 'RB-000003')
        .executeTakeFirstOrThrow()
    ).id;
    await expect(
      dispatch(ws, 'photos.move', { photoId: after[1]!.photoId!, itemId: kettle }),
    ).rejects.toMatchObject({ code: 'bad_input' });
    await ws.close();
  });
});

/**
 * The same workspace twice: on a server, two instances of one database; on a desk, the app
 * started again on its data folder (`again` closes the first). Closed when the test ends.
 */
async function twice(): Promise<{ first: Workspace; again: () => Promise<Workspace> }> {
  const opened: Workspace[] = [];
  const files = tempDir();
  const closeAll = async () => {
    for (const ws of opened.splice(0)) await ws.close();
  };
  if (onPostgres) {
    const url = await tempPostgresDatabase(closeAll);
    const connect = async () => {
      const ws = await Workspace.connect(url, files, { poolSize: 4 });
      opened.push(ws);
      return ws;
    };
    return { first: await connect(), again: connect };
  }
  onTestFinished(closeAll);
  const first = Workspace.open(files);
  opened.push(first);
  return {
    first,
    again: async () => {
      await first.close();
      opened.splice(opened.indexOf(first), 1);
      const ws = Workspace.open(files);
      opened.push(ws);
      return ws;
    },
  };
}

describe('a session kept by the workspace, not by one process', () => {
  test('the next shot follows the label another instance read, or the app read before it was restarted', async () => {
    const { first, again } = await twice();
    await desk(first);
    await dispatch(first, 'photos.setRouting', { on: true, keepLabelShots: true, merchantId: null });
    await send(first, [await shot('a-label.jpg', 'RB-000001')]);

    const second = await again();
    expect(await status(second)).toMatchObject({ on: true, current: { reference: 'RB-000001' } });
    const next = await send(second, [await shot('a-1.jpg')]);
    expect(next[0]).toMatchObject({ n: 2, how: 'follows_label', item: { reference: 'RB-000001' } });

    // A stop read by one is a stop for all, until the person resumes on either.
    await send(second, [await shot('ghost-label.jpg', 'RB-999999')]);
    expect((await status(second)).stopped).toMatchObject({ reference: 'RB-999999' });
    await dispatch(second, 'photos.resumeRouting', {});
    expect((await status(second)).stopped).toBeNull();
    expect(await photosByItem(second)).toEqual({ 'RB-000001': ['a-label.jpg', 'a-1.jpg'] });
  });

  test.skipIf(!onPostgres)(
    'two instances filing one person’s shots at once take turns: no shot is lost from the list',
    async () => {
      const { first, again } = await twice();
      const second = await again();
      await desk(first);
      await dispatch(first, 'photos.setRouting', { on: true, keepLabelShots: true, merchantId: null });
      await send(first, [await shot('a-label.jpg', 'RB-000001')]);

      const toFirst = [await shot('a-1.jpg'), await shot('a-2.jpg')];
      const toSecond = [await shot('a-3.jpg'), await shot('a-4.jpg')];
      const [one, two] = await Promise.all([send(first, toFirst), send(second, toSecond)]);
      const listed = (await status(first)).photos;
      expect(listed.map((line) => line.n)).toEqual([5, 4, 3, 2, 1]);
      expect(new Set([...one, ...two].map((line) => line.n))).toEqual(new Set([2, 3, 4, 5]));
      expect((await photosByItem(first))['RB-000001']).toHaveLength(5);
    },
  );
});
