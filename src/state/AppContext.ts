/** The page's AppState, for components. */
import {createContext, useContext, useSyncExternalStore} from 'react';
import type {AppState, PageState} from './app-state';

export const AppContext = createContext<AppState | null>(null);

/** The AppState of the page (throws outside the provider). */
export function useApp(): AppState {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside AppContext');
  return app;
}

/** URL extras and notices. */
export function usePage(): PageState {
  const app = useApp();
  return useSyncExternalStore(app.subscribe, app.getSnapshot);
}
