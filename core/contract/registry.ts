// The API contract: every method once, gathered from the domains' contracts, each with its zod input
// schema, its result type and its rules. The dispatcher, the gate, the IPC bridge, the HTTP host,
// the renderer's client and cache, and the tests are all typed from and driven by this one table.
import type { z } from 'zod';
import { allianceMethods } from '../alliance/contract.js';
import { agreementMethods } from '../agreements/contract.js';
import { attachmentMethods } from '../attachments/contract.js';
import { eventMethods } from '../events/contract.js';
import { folderMethods } from '../folder/contract.js';
import { historyMethods } from '../history/contract.js';
import { exchangeMethods } from '../exchange/contract.js';
import { exportMethods } from '../io/exports/contract.js';
import { importMethods } from '../io/imports/contract.js';
import { memberMethods } from '../members/contract.js';
import { sampleMethods } from '../sample/contract.js';
import { talentMethods } from '../talent/contract.js';
import { termMethods } from '../terms/contract.js';
import { projectMethods } from '../projects/contract.js';
import { reportMethods } from '../reports/contract.js';
import { awardMethods } from '../awards/contract.js';
import type { ErrorShape } from './errors.js';
import { jobMethods } from './jobs-contract.js';
import { assembleMethods, type Entity, type MethodSpec } from './method.js';

export const registry = assembleMethods(
  allianceMethods,
  memberMethods,
  agreementMethods,
  attachmentMethods,
  eventMethods,
  talentMethods,
  termMethods,
  projectMethods,
  reportMethods,
  awardMethods,
  historyMethods,
  exchangeMethods,
  importMethods,
  exportMethods,
  folderMethods,
  sampleMethods,
  jobMethods,
);

export type Registry = typeof registry;
export type ApiMethod = keyof Registry & string;
/** What a caller sends (defaults may be omitted). */
export type ApiInput<M extends ApiMethod> = z.input<Registry[M]['input']>;
/** What a handler receives after parsing. */
export type ApiParsed<M extends ApiMethod> = z.output<Registry[M]['input']>;
export type ApiResult<M extends ApiMethod> = Registry[M]['result'];

export const apiMethods = Object.keys(registry) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(registry, name);
}

/** A method's declaration, with its rules. */
export function specOf(method: ApiMethod): MethodSpec {
  return registry[method] as MethodSpec;
}

/** What a call may have changed: its declared entities, and for any write the history too. */
export function changedBy(method: ApiMethod): readonly Entity[] | 'all' {
  const spec = specOf(method);
  if (spec.changes === 'all') return 'all';
  const changes = spec.changes ?? [];
  return spec.access === 'write' ? [...changes, 'history'] : changes;
}

/** What every transport carries back: a result, or the one error shape. */
export type ApiResponse<T = unknown> = { ok: true; result: T } | { ok: false; error: ErrorShape };
