/** An RFC 7807 problem document, as the backend answers every error. */
export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** Bad input: field (or parameter) to message, worded by the backend in the request's Accept-Language. */
  errors?: Record<string, string>;
  /** The same fields to stable codes. */
  errorCodes?: Record<string, string>;
  [extension: string]: unknown;
}

/** A failed API call; its message is the problem's `detail`, else its `title`, else the HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDocument | null;

  constructor(status: number, problem: ProblemDocument | null, fallback: string) {
    super(problem?.detail || problem?.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The fields the backend refused, with its message for each (empty when none is named). */
  get fieldErrors(): Record<string, string> {
    const errors = this.problem?.errors;
    if (typeof errors !== 'object' || errors === null) return {};
    return Object.fromEntries(Object.entries(errors).filter(([, message]) => typeof message === 'string'));
  }

  static async from(response: Response): Promise<ApiError> {
    const fallback = `${response.status} ${response.statusText}`.trim();
    return new ApiError(response.status, await readProblem(response), fallback);
  }
}

async function readProblem(response: Response): Promise<ProblemDocument | null> {
  if (!/[/+]json\b/.test(response.headers.get('Content-Type') ?? '')) return null;
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as ProblemDocument) : null;
  } catch {
    return null;
  }
}
