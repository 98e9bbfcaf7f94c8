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

const SESSION_KEY = 'passerelle.runtimeConfig';

/**
 * The configuration, read once per tab: the app starts twice when it signs in (before and after
 * Keycloak's redirect), and the second start, the one the user waits for, then skips a round trip.
 */
export async function sessionRuntimeConfig(): Promise<RuntimeConfig> {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
    if (isRuntimeConfig(stored)) return stored;
  } catch {
    // not JSON: read it again from the server
  }
  const config = await fetchRuntimeConfig();
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(config));
  return config;
}

function isRuntimeConfig(value: unknown): value is RuntimeConfig {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ['keycloakUrl', 'realm', 'clientId'].every((name) => typeof fields[name] === 'string' && fields[name] !== '');
}
