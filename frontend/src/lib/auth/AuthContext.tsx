import { createContext, useContext } from 'react';
import type { Auth } from './Auth';

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthContext>');
  return auth;
}
