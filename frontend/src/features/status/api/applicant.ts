// The applicant's side of the API: no account, the association and token of the address, the code.

export type PieceState = 'MISSING' | 'RECEIVED' | 'EXPIRED';

export interface Piece {
  code: string;
  label?: string;
  labelFr: string;
  when?: string;
  whenFr?: string;
  /** The prefecture's own note on the piece (its kit's), in French, and in English when given. */
  localNote?: string;
  localNoteEn?: string;
  required: boolean;
  atDelivery: boolean;
  state: PieceState;
}

export interface StatusPage {
  language: string;
  languages: string[];
  association?: string;
  contact?: string;
  status: string;
  step?: string;
  renewal: boolean;
  prefecture?: string;
  dates?: {
    appointmentOn?: string;
    filedOn?: string;
    receiptExpiresOn?: string;
    commissionOn?: string;
    decidedOn?: string;
    notifiedOn?: string;
  };
  deadlines: { kind: string; on: string }[];
  pieces: Piece[];
}

/** Why the page cannot be shown: the link is gone, the code is wrong, the link locked, or the service down. */
export type Refusal = 'invalid' | 'wrongCode' | 'locked' | 'failed';

export class Refused extends Error {
  constructor(readonly reason: Refusal) {
    super(reason);
  }
}

function refusal(status: number): Refusal {
  if (status === 404) return 'invalid';
  if (status === 423) return 'locked';
  if (status === 403 || status === 400) return 'wrongCode';
  return 'failed';
}

async function call(path: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  } catch {
    throw new Refused('failed');
  }
  if (!response.ok) throw new Refused(refusal(response.status));
  return response;
}

export function linkBase(): string | null {
  const match = /^\/suivi\/([a-z0-9][a-z0-9-]{1,62})\/([A-Za-z0-9_-]{22})\/?$/.exec(window.location.pathname);
  return match ? `/api/status/${match[1]}/${match[2]}` : null;
}

export async function checkLink(base: string): Promise<void> {
  await call(base);
}

export async function viewPage(base: string, code: string, language?: string): Promise<StatusPage> {
  const response = await call(`${base}/view`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(language ? { code, language } : { code }),
  });
  return (await response.json()) as StatusPage;
}

export async function sendDocument(base: string, code: string, piece: string, file: File): Promise<void> {
  const form = new FormData();
  form.append('code', code);
  form.append('piece', piece);
  form.append('file', file);
  await call(`${base}/documents`, { method: 'POST', body: form });
}
