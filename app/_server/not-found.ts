import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';

/** Runs a lookup for a page; the domain's NOT_FOUND becomes the page's 404. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}
