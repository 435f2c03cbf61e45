import { AppError } from '../../shared/errors';

/** The AppError a call fails with; a call that succeeds, or fails otherwise, fails the test. */
export async function failure(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
