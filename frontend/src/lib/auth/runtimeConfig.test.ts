import { describe, expect, it } from 'vitest';
import { fakeBackend, json, problem } from '@/test/fakeBackend';
import { fetchRuntimeConfig, sessionRuntimeConfig } from './runtimeConfig';

const CONFIG = { keycloakUrl: 'http://localhost:8180', realm: 'passerelle', clientId: 'passerelle-web' };

describe('the runtime configuration', () => {
  it('is read from GET /api/config, without a token', async () => {
    const sent = fakeBackend(() => json(CONFIG));

    expect(await fetchRuntimeConfig()).toEqual(CONFIG);
    expect(sent[0]?.path).toBe('/api/config');
    expect(sent[0]?.headers.has('Authorization')).toBe(false);
  });

  it('is refused when a field is missing', async () => {
    fakeBackend(() => json({ ...CONFIG, clientId: undefined }));

    await expect(fetchRuntimeConfig()).rejects.toThrow('GET /api/config did not answer');
  });

  it("reports the backend's problem", async () => {
    fakeBackend(() => problem(503, { title: 'Service Unavailable' }));

    await expect(fetchRuntimeConfig()).rejects.toThrow('Service Unavailable');
  });

  it('is asked once per tab: the start after the login redirect reads it from the session', async () => {
    sessionStorage.clear();
    const sent = fakeBackend(() => json(CONFIG));

    expect(await sessionRuntimeConfig()).toEqual(CONFIG);
    expect(await sessionRuntimeConfig()).toEqual(CONFIG);
    expect(sent).toHaveLength(1);
    sessionStorage.clear();
  });
});
