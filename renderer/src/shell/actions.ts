import { notifications } from '@mantine/notifications';
import { AppError } from '../../../shared/errors';
import { call, errorMessage } from '../api/client';
import { navigate } from '../state/router';

/** Opens the item with this reference, or says plainly that there is none. */
export async function openReference(reference: string, target: 'item' | 'intake' = 'item'): Promise<boolean> {
  try {
    const item = await call('items.getByReference', { reference });
    navigate(target === 'item' ? { page: 'item', itemId: item.id } : { page: 'intake', itemId: item.id });
    return true;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'not_found')) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    }
    return false;
  }
}
