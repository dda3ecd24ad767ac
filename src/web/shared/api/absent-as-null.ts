import { ApiError } from './api-error';

/**
 * A 404 that is an answer, not a failure: the episode has no plan or discharge yet, the patient no aftercare
 * plan. Any other failure is thrown as it came.
 */
export async function absentAsNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
