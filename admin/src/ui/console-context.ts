import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AdminApi } from '../api/admin-api.js';
import type { Route } from '../state/route.js';

/** What every page of the console uses: the API as the signed-in admin, where Parley is reached, and navigation. */
export type ConsoleContextValue = {
  api: AdminApi;
  /** PUBLIC_URL: embed codes and links start with it. */
  publicUrl: string;
  go(route: Route): void;
};

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('pages need the ConsoleContext');
  return value;
}
