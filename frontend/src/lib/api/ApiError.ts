/** An RFC 7807 problem document, as the backend answers every error. */
export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
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
