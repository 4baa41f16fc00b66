// A two-page app needs no router: the page lives in the hash, so a reload stays on it.
import { useCallback, useEffect, useState } from 'react';

export const PAGES = ['members', 'alliance'] as const;
export type Page = (typeof PAGES)[number];

function pageFromHash(): Page {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'members';
}

export function useHashRoute(): [Page, (page: Page) => void] {
  const [page, setPage] = useState<Page>(pageFromHash);
  useEffect(() => {
    const onChange = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Page) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [page, navigate];
}
