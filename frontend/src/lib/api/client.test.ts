import { describe, expect, it } from 'vitest';
import { fakeBackend, json, problem } from '@/test/fakeBackend';
import { ApiError } from './ApiError';
import { createApiClient } from './client';

function client(association: string | null = null) {
  let issued = 0;
  return createApiClient({
    token: async () => `token-${++issued}`,
    association: () => association,
    language: () => 'fr',
  });
}

describe('the API client', () => {
  it('sends a fresh bearer token and no X-Association when no association is chosen', async () => {
    const sent = fakeBackend(() => json({ ok: true }));
    const api = client();

    expect(await api.get('/api/me')).toEqual({ ok: true });
    await api.get('/api/me');

    expect(sent.map((request) => request.headers.get('Authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(sent[0]?.path).toBe('/api/me');
    expect(sent[0]?.headers.has('X-Association')).toBe(false);
    expect(sent[0]?.headers.get('Accept-Language')).toBe('fr');
  });

  it('names the chosen association in X-Association', async () => {
    const sent = fakeBackend(() => json({}));

    await client('droits-marseille').get('/api/me');

    expect(sent[0]?.headers.get('X-Association')).toBe('droits-marseille');
  });

  it("rejects with the problem document's detail", async () => {
    fakeBackend(() =>
      problem(403, { type: 'about:blank', title: 'Forbidden', detail: "You are not a member of the association 'x'" }),
    );

    const error = await client('x')
      .get('/api/me')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 403,
      message: "You are not a member of the association 'x'",
      problem: { title: 'Forbidden' },
    });
  });

  it("falls back on the problem's title when it has no detail", async () => {
    fakeBackend(() => problem(404, { title: 'Not Found' }));

    await expect(client().get('/api/cases/1')).rejects.toThrow('Not Found');
  });

  it('falls back on the HTTP status when the error is no problem document', async () => {
    fakeBackend(() => new Response('<html>proxy error</html>', { status: 502, statusText: 'Bad Gateway' }));

    await expect(client().get('/api/me')).rejects.toMatchObject({
      status: 502,
      problem: null,
      message: '502 Bad Gateway',
    });
  });
});
