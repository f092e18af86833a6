import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../../core/api/client-errors.ts';
import type { User } from '../../../core/api/users.ts';
import { call, setCsrfToken } from '../api/client.ts';

type SessionUser = z.output<typeof User>;
interface SessionState {
  user: SessionUser | null;
  loading: boolean;
  signIn(email: string, password: string): Promise<void>;
  /** Takes up a session the server opened by other means than sign-in (the first-run setup). */
  adopt(session: { user: SessionUser; csrfToken: string }): void;
  signOut(): Promise<void>;
  /** Ends every session of this user, this one too, and revokes all their API tokens. */
  signOutEverywhere(): Promise<void>;
  /** Changes the password; the server replaces this session's CSRF token, which is taken up here. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

type Me = Awaited<ReturnType<typeof checkSession>>;
/** Asks the server who is signed in; nobody is a 401, which `refresh` turns into no user. */
export const checkSession = () => call('me');

/** `first` is a session check already under way (main.tsx starts one before the first render). */
export function SessionProvider({ children, first }: { children: ReactNode; first?: Promise<Me> }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async (pending?: Promise<Me>) => {
    try {
      const me = await (pending ?? checkSession());
      setCsrfToken(me?.csrfToken ?? '');
      setUser(me?.user ?? null);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      setUser(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    refresh(first).catch(() => setLoading(false));
  }, [refresh, first]);

  const signIn = useCallback(async (email: string, password: string) => {
    const s = await call('login', { body: { email, password } });
    setCsrfToken(s?.csrfToken ?? '');
    setUser(s?.user ?? null);
  }, []);

  const adopt = useCallback((s: { user: SessionUser; csrfToken: string }) => {
    setCsrfToken(s.csrfToken);
    setUser(s.user);
  }, []);

  const signOut = useCallback(async () => {
    await call('logout').catch(() => undefined);
    setCsrfToken('');
    setUser(null);
  }, []);

  const signOutEverywhere = useCallback(async () => {
    await call('signOutEverywhere');
    setCsrfToken('');
    setUser(null);
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const s = await call('changePassword', { body: { currentPassword, newPassword } });
    setCsrfToken(s?.csrfToken ?? '');
  }, []);

  return (
    <SessionContext.Provider
      value={{ user, loading, signIn, adopt, signOut, signOutEverywhere, changePassword, refresh }}
    >
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user; only for screens rendered behind the sign-in gate. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

export const isManager = (u: SessionUser): boolean => u.role === 'admin' || u.role === 'manager';
