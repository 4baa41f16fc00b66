// Each kind's certificate layout, kept in the data file's settings so every clerk's copy prints alike.
import type { AwardKind } from '../contract/codes.js';
import type { ServiceContext } from '../contract/context.js';
import { certificateLayout, DEFAULT_LAYOUTS, type CertificateLayout } from './certificate-layout.js';

const key = (kind: AwardKind) => `certificate.${kind}`;

export function getLayout(ctx: ServiceContext, kind: AwardKind): CertificateLayout {
  const value = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key(kind)) as string | undefined;
  if (!value) return DEFAULT_LAYOUTS[kind];
  // A layout written by another version and no longer valid falls back to the default, never fails a print.
  const parsed = certificateLayout.safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : DEFAULT_LAYOUTS[kind];
}

export function setLayout(ctx: ServiceContext, kind: AwardKind, layout: CertificateLayout): CertificateLayout {
  ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key(kind), JSON.stringify(layout));
  return getLayout(ctx, kind);
}
