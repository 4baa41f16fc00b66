// A domain's implementation of its methods: one handler per declared method, typed from the
// declaration (a missing or misspelt handler is a compile error; the dispatcher checks the whole table).
import type { HandlersOf, Methods } from './method.js';
import type { Services } from './services.js';

export type { Services };

export function implement<T extends Methods>(_methods: T, handlers: HandlersOf<T, Services>): HandlersOf<T, Services> {
  return handlers;
}
