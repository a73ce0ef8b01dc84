// Turning failed HTTP responses into readable errors.

/** An error from the Tandem API (or from reaching it), with a message a person can act on. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Seconds from a Retry-After header (429/503), when present. */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, retryAfter: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

const FALLBACK_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'sign_in_required',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_input',
  429: 'too_many_runs',
  500: 'internal',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

function fallbackMessage(status: number): string {
  if (status === 404) return 'Not found.';
  if (status === 429) return 'The judge is busy. Try again in a few seconds.';
  if (status >= 500) {
    return 'The Tandem server could not answer. Check that it is running, then reload the page.';
  }
  return `The request failed (HTTP ${status}).`;
}

/** Parses a Retry-After header given in seconds (dates are treated as absent). */
export function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  return Number.parseInt(trimmed, 10);
}

/** Builds an ApiError from a status, the response text and its Retry-After header. */
export function parseApiError(status: number, body: string, retryAfterHeader: string | null = null): ApiError {
  const retryAfter = parseRetryAfter(retryAfterHeader);
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed !== null && typeof parsed === 'object' && 'error' in parsed) {
      const err = parsed.error;
      if (err !== null && typeof err === 'object') {
        const { code, message } = err as { code?: unknown; message?: unknown };
        if (typeof code === 'string' && typeof message === 'string' && message !== '') {
          return new ApiError(status, code, message, retryAfter);
        }
      }
    }
  } catch {
    // Not JSON (e.g. a proxy's error page): fall through.
  }
  return new ApiError(status, FALLBACK_CODES[status] ?? 'http_error', fallbackMessage(status), retryAfter);
}

/** The error for a request that never got an answer. */
export function networkError(): ApiError {
  return new ApiError(
    0,
    'network',
    'Could not reach the Tandem server. Check your connection or that the server is running, then try again.',
  );
}

/** True when retrying later may succeed (offline, server down, busy). */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof ApiError)) return true;
  return err.status === 0 || err.status === 408 || err.status === 429 || err.status >= 500;
}

/** A readable message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong. Reload the page and try again.';
}
