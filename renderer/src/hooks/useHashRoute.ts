// The page lives in the hash (#/agreements?type=school_enterprise), so a reload stays on it and
// every figure on the dashboard can link to the list behind it.
import { useCallback, useEffect, useState } from 'react';

export const PAGES = ['dashboard', 'members', 'council', 'agreements', 'projects', 'awards', 'report', 'events', 'ceremony', 'talent', 'history', 'data', 'alliance'] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  page: Page;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [name = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  // The app opens on the dashboard: expiring agreements and coming events are the day's first news.
  return { page: (PAGES as readonly string[]).includes(name) ? (name as Page) : 'dashboard', params: new URLSearchParams(query) };
}

export function hrefFor(page: Page, params: Record<string, string | string[] | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  }
  const text = query.toString();
  return `#/${page}${text ? `?${text}` : ''}`;
}

export function useHashRoute(): [Route, (page: Page, params?: Record<string, string | string[] | undefined>) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((page: Page, params?: Record<string, string | string[] | undefined>) => {
    window.location.hash = hrefFor(page, params);
  }, []);
  return [route, navigate];
}
