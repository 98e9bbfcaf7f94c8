import { ApiError } from './ApiError';

export interface ApiClient {
  /** GETs a JSON resource of the backend; rejects with an {@link ApiError} when it answers an error. */
  get<T>(path: string): Promise<T>;
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
  return {
    async get<T>(path: string): Promise<T> {
      const headers = new Headers({
        Accept: 'application/json, application/problem+json',
        'Accept-Language': language(),
        Authorization: `Bearer ${await token()}`,
      });
      const slug = association();
      if (slug) headers.set('X-Association', slug);
      const response = await fetch(path, { headers });
      if (!response.ok) throw await ApiError.from(response);
      return (await response.json()) as T;
    },
  };
}
