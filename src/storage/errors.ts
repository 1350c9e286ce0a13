// @azure/data-tables reports HTTP outcomes as RestError with statusCode; `code` is often unset.
function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error ? (error as { statusCode?: number }).statusCode : undefined;
}

/** Someone else created it first (409): used to make creates idempotent. */
export function isAlreadyExists(error: unknown): boolean {
  return statusOf(error) === 409;
}

/** The entity changed since we read it (412 on an etag check). */
export function isChangedUnderUs(error: unknown): boolean {
  return statusOf(error) === 412;
}

export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

/** Storage could not be reached or failed on its side: the user should try again shortly. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('Storage is unavailable', { cause });
    this.name = 'StorageUnavailableError';
  }
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'REQUEST_SEND_ERROR']);

export function isStorageUnavailable(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true;
  const status = statusOf(error);
  if (status !== undefined) return status >= 500 || status === 429;
  const code = typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
  return code !== undefined && UNREACHABLE_CODES.has(code);
}
