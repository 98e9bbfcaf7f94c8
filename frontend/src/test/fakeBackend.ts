import { vi } from 'vitest';

export interface SentRequest {
  path: string;
  headers: Headers;
  method: string;
  body: string | null;
}

/** Replaces fetch with a backend answering from `answer`, and returns the requests it was sent. */
export function fakeBackend(answer: (request: SentRequest) => Response): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = {
        path: String(input),
        headers: new Headers(init?.headers),
        method: init?.method ?? 'GET',
        body: typeof init?.body === 'string' ? init.body : null,
      };
      sent.push(request);
      return answer(request);
    }),
  );
  return sent;
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function problem(status: number, document: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ status, ...document }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
