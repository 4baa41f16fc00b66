// Window-wide keyboard shortcuts. `/` only counts outside text fields, so it can still be typed.
import { useEffect, useRef } from 'react';

export interface Shortcuts {
  focusSearch?: () => void;
  newRecord?: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'f' && latest.current.focusSearch) {
        event.preventDefault();
        latest.current.focusSearch();
      } else if (mod && key === 'n' && latest.current.newRecord) {
        event.preventDefault();
        latest.current.newRecord();
      } else if (event.key === '/' && !mod && !event.altKey && !isTyping(event.target) && latest.current.focusSearch) {
        event.preventDefault();
        latest.current.focusSearch();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
