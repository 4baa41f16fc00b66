// jsdom lacks a few browser APIs that antd and TanStack Virtual use.
import { cleanup } from '@testing-library/react';
import { afterEach, expect, vi } from 'vitest';
import { initI18n } from '../../renderer/src/i18n';
import { takeUnstubbedCalls } from './render';

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn().mockImplementation((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// The virtualizer measures its scroll element; jsdom reports 0 for every size.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 640 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });

initI18n('zh');
afterEach(() => {
  cleanup();
  // Forms keep drafts in the window's storage: no test starts with another's typing.
  localStorage.clear();
  // A component test states every method its component calls: a call nobody stubbed fails it.
  expect(takeUnstubbedCalls(), 'methods called without a stub').toEqual([]);
});
