import { describe, expect, it } from 'vitest';
import { errorBody, reply, stubApi } from '../testing/fetch-stub';
import { apiClient, ApiError, serverFieldErrors } from './api-client';
import { shouldRetry } from './query-client';

describe('apiClient', () => {
  it('should send JSON and return the parsed body when the answer is 2xx', async () => {
    const api = stubApi({ 'POST /api/sources/faculty/runs': () => reply(202, { id: '1' }) });
    await expect(apiClient.post('/sources/faculty/runs', { reason: 'test' })).resolves.toEqual({ id: '1' });
    expect(api.requests[0].body).toEqual({ reason: 'test' });
  });

  it('should drop empty query parameters when building the URL', async () => {
    const api = stubApi({ 'GET /api/runs': () => ({ items: [], total: 0, page: 1, pageSize: 10 }) });
    await apiClient.get('/runs', { query: { sourceId: 'faculty', status: undefined, pageSize: 10 } });
    expect(api.requests[0].query.toString()).toBe('sourceId=faculty&pageSize=10');
  });

  it('should throw an ApiError with status and body when the answer is 4xx', async () => {
    stubApi({ 'PATCH /api/sources/faculty': () => reply(400, errorBody(400, 'bad input', { fields: { timeoutSeconds: ['too small'] } })) });
    const error = await apiClient.patch('/sources/faculty', { timeoutSeconds: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: 'bad input', body: { fields: { timeoutSeconds: ['too small'] } } });
  });
});

describe('shouldRetry', () => {
  it('should not retry when the server answered 4xx', () => {
    expect(shouldRetry(0, new ApiError(404, null))).toBe(false);
  });

  it('should retry twice when the server answered 5xx', () => {
    expect(shouldRetry(0, new ApiError(503, null))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, null))).toBe(false);
  });
});

describe('serverFieldErrors', () => {
  it('should take field errors only from a 400 answer when reading a failed request', () => {
    const fields = { 'autoSync.every': ['the interval must be at least 5 minutes'] };
    expect(serverFieldErrors(new ApiError(400, { statusCode: 400, error: 'Bad Request', message: 'x', fields }))).toEqual(fields);
    expect(serverFieldErrors(new ApiError(500, null))).toEqual({});
    expect(serverFieldErrors(new TypeError('offline'))).toEqual({});
  });
});
