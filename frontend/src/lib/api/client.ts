import { ApiError } from './ApiError';

export interface ApiClient {
  /** GETs a JSON resource of the backend; rejects with an {@link ApiError} when it answers an error. */
  get<T>(path: string): Promise<T>;
  /** GETs a resource as text (a BPMN model's XML). */
  getText(path: string): Promise<string>;
  /** GETs a file as a Blob (a document to download). */
  getBlob(path: string): Promise<Blob>;
  post<T = void>(path: string, body?: unknown): Promise<T>;
  put<T = void>(path: string, body?: unknown): Promise<T>;
  delete(path: string): Promise<void>;
  /** POSTs one file as the multipart part `file`. */
  upload<T = void>(path: string, file: File): Promise<T>;
}

export interface ApiClientOptions {
  /** A valid access token, refreshed first when it is about to expire. */
  token: () => Promise<string>;
  /** The slug of the association the user chose, or null to let the backend pick their only one. */
  association: () => string | null;
  /** The language the user reads, so the backend can word its problem documents in it. */
  language: () => string;
}

export function createApiClient({ token, association, language }: ApiClientOptions): ApiClient {
  async function send(method: string, path: string, body?: BodyInit, contentType?: string): Promise<Response> {
    const headers = new Headers({
      Accept: 'application/json, application/problem+json',
      'Accept-Language': language(),
      Authorization: `Bearer ${await token()}`,
    });
    if (contentType) headers.set('Content-Type', contentType);
    const slug = association();
    if (slug) headers.set('X-Association', slug);
    const response = await fetch(path, { method, headers, body });
    if (!response.ok) throw await ApiError.from(response);
    return response;
  }
  async function jsonOf<T>(response: Response): Promise<T> {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const withBody = (body: unknown) => (body === undefined ? undefined : JSON.stringify(body));
  return {
    get: async <T>(path: string) => (await (await send('GET', path)).json()) as T,
    getText: async (path) => (await send('GET', path)).text(),
    getBlob: async (path) => (await send('GET', path)).blob(),
    post: async <T>(path: string, body?: unknown) =>
      jsonOf<T>(await send('POST', path, withBody(body), body === undefined ? undefined : 'application/json')),
    put: async <T>(path: string, body?: unknown) =>
      jsonOf<T>(await send('PUT', path, withBody(body), body === undefined ? undefined : 'application/json')),
    delete: async (path) => {
      await send('DELETE', path);
    },
    upload: async <T>(path: string, file: File) => {
      const form = new FormData();
      form.append('file', file);
      return jsonOf<T>(await send('POST', path, form));
    },
  };
}
