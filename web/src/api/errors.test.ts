import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, isTransient, networkError, parseApiError, parseRetryAfter } from './errors';

describe('parseApiError', () => {
  it('reads the documented error body', () => {
    const body = JSON.stringify({ error: { code: 'payload_too_large', message: 'code is over 64 KiB (limits.code_bytes)' } });
    const err = parseApiError(413, body);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(413);
    expect(err.code).toBe('payload_too_large');
    expect(err.message).toBe('code is over 64 KiB (limits.code_bytes)');
    expect(err.retryAfter).toBeNull();
  });

  it('keeps Retry-After seconds for 429', () => {
    const body = JSON.stringify({ error: { code: 'queue_full', message: 'The queue is full.' } });
    const err = parseApiError(429, body, '7');
    expect(err.code).toBe('queue_full');
    expect(err.retryAfter).toBe(7);
  });

  it('falls back to a readable message for non-JSON bodies', () => {
    const err = parseApiError(502, '<html>Bad gateway</html>');
    expect(err.code).toBe('unavailable');
    expect(err.message).toMatch(/server could not answer/i);
  });

  it('falls back when the JSON has the wrong shape', () => {
    expect(parseApiError(404, '{"error":"nope"}').code).toBe('not_found');
    expect(parseApiError(400, '{"error":{"code":1,"message":"x"}}').code).toBe('bad_request');
    expect(parseApiError(422, '{"error":{"code":"invalid_input","message":""}}').message).toMatch(/HTTP 422/);
    expect(parseApiError(418, 'null').code).toBe('http_error');
  });
});

describe('parseRetryAfter', () => {
  it('accepts whole seconds only', () => {
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter(' 3 ')).toBe(3);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')).toBeNull();
    expect(parseRetryAfter('-1')).toBeNull();
  });
});

describe('isTransient and errorMessage', () => {
  it('treats network failures, 429 and 5xx as transient', () => {
    expect(isTransient(networkError())).toBe(true);
    expect(isTransient(new ApiError(429, 'queue_full', 'x'))).toBe(true);
    expect(isTransient(new ApiError(503, 'unavailable', 'x'))).toBe(true);
    expect(isTransient(new ApiError(413, 'payload_too_large', 'x'))).toBe(false);
    expect(isTransient(new ApiError(404, 'not_found', 'x'))).toBe(false);
  });

  it('gives a message for anything thrown', () => {
    expect(errorMessage(new ApiError(400, 'bad_request', 'Fix the body.'))).toBe('Fix the body.');
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('???')).toMatch(/Reload the page/);
  });
});
