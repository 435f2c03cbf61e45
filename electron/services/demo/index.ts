import type { DemoSummary } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../actor';
import type { Workspace } from '../workspace';

export async function createDemoWorkspace(_ws: Workspace, _actor: Actor): Promise<DemoSummary> {
  throw new AppError('unsupported', 'The demo workspace is not written yet.');
}
