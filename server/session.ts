// Who may use the browser shell. The clerk's browser signs in once with a launch token: single-use,
// short-lived, and traded at once for a session secret held in an HttpOnly cookie whose name carries
// the port (browsers send a 127.0.0.1 cookie to every port; only ours reads this one). Scripts (the
// tests, the benchmarks) use a separate API token as a Bearer header, given to the process in its
// environment, never printed and never on a command line.
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a launch link works if nobody uses it. */
export const LAUNCH_TOKEN_TTL_MS = 10 * 60_000;

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const secret = () => randomBytes(32).toString('base64url');

export class Sessions {
  private readonly launchTokens = new Map<string, number>();
  private readonly sessions = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new launch token, good for one sign-in within the TTL. */
  newLaunchToken(): string {
    const token = secret();
    this.launchTokens.set(token, this.now() + LAUNCH_TOKEN_TTL_MS);
    return token;
  }

  /** Trades a launch token for a session secret, once; null for a used, expired or unknown token. */
  exchange(token: string): string | null {
    for (const [known, expires] of this.launchTokens) {
      if (expires < this.now()) this.launchTokens.delete(known);
      else if (sameSecret(known, token)) {
        this.launchTokens.delete(known);
        const session = secret();
        this.sessions.add(session);
        return session;
      }
    }
    return null;
  }

  isSession(value: string): boolean {
    for (const session of this.sessions) if (sameSecret(session, value)) return true;
    return false;
  }
}

/** The session cookie's name on this port. */
export function sessionCookieName(port: number): string {
  return `alliance_session_${port}`;
}
