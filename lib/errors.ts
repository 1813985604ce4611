export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, sqlstate: '22023' },
  UNAUTHORIZED: { status: 401, sqlstate: '28000' },
  FORBIDDEN: { status: 403, sqlstate: '42501' },
  NOT_FOUND: { status: 404, sqlstate: '3D000' },
  CONFLICT: { status: 409, sqlstate: '23505' },
  INVALID_INPUT: { status: 422, sqlstate: '22023' },
  UNAVAILABLE: { status: 503, sqlstate: '57P03' },
  INTERNAL: { status: 500, sqlstate: 'XX000' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type FieldErrors = Record<string, string[]>;

/** The one error type of the domain: mapped to an HTTP status for the portal and a SQLSTATE for the gateway. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;

  constructor(code: ErrorCode, message: string, options?: { fieldErrors?: FieldErrors; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get sqlstate(): string {
    return ERROR_CODES[this.code].sqlstate;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
