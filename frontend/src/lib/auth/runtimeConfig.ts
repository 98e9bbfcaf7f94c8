import { ApiError } from '@/lib/api/ApiError';

/** Where to log in, read from the backend at start so one build serves every deployment. */
export interface RuntimeConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

export async function fetchRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/api/config', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw await ApiError.from(response);
  const config: unknown = await response.json();
  if (!isRuntimeConfig(config)) {
    throw new Error('GET /api/config did not answer {keycloakUrl, realm, clientId}');
  }
  return config;
}

function isRuntimeConfig(value: unknown): value is RuntimeConfig {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ['keycloakUrl', 'realm', 'clientId'].every((name) => typeof fields[name] === 'string' && fields[name] !== '');
}
