// Which database errors mean "the database is away for now" (answered 503 `server.unavailable` with
// Retry-After, never 500): the connection was refused, reset or cut, or the server is shutting
// down, starting up or in recovery. Browser-safe (no `pg` import): errors are recognised by shape.

/** SQLSTATE classes and codes of an unavailable server (PostgreSQL appendix A). */
const UNAVAILABLE_SQLSTATE = new Set([
  '57P01', // admin_shutdown (pg_ctl stop -m fast terminates every backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '57P05', // idle_session_timeout
  '53300', // too_many_connections
]);

/** Node socket errors on the way to the database (a file store's ENOENT, on `open`, is not one). */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const SOCKET_SYSCALLS = new Set([undefined, 'connect', 'read', 'write', 'getaddrinfo']);

/** What node-postgres and its pool throw without a code when the connection is lost or not made in time. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|terminating connection due to administrator command)/;

/** True when `error` (or its `cause`) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATE.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    const syscall = (error as { syscall?: unknown }).syscall;
    if (SOCKET_SYSCALLS.has(syscall as string | undefined)) {
      if (UNAVAILABLE_ERRNO.has(code)) return true;
      // A unix socket that is not there: the server is stopped.
      if (code === 'ENOENT' && syscall === 'connect') return true;
    }
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  // An AggregateError (a host with several addresses, each refused).
  if (Array.isArray(errors) && errors.length && errors.every((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return cause !== undefined && isDatabaseUnavailable(cause, depth + 1);
}
