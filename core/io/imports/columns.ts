// The columns a member spreadsheet may have, how headers name them, and how a sheet's header row,
// title rows and section rows (一、政府机构（10个）) are recognised.
import { CATEGORY_LABELS_ZH, MEMBER_ROLES, ORGANIZATION_CATEGORIES, ROLE_LABELS_ZH, type MemberRole, type OrganizationCategory } from '../../contract/codes.js';
import { IMPORT_FIELD_SPECS, type ImportField } from './import-fields.js';
import { halfWidth, headerKey } from './normalise.js';

export type { ImportField };

/** Columns a roster has that are not member data: recognised so they count towards the header. */
const IGNORED_HEADERS = ['序号', '编号', 'no', '序'];

// Header names come from the field models (core/members/fields.ts), each field's `import.headers`.
const HEADER_INDEX = new Map<string, ImportField>();
for (const spec of IMPORT_FIELD_SPECS) for (const name of spec.column.headers) HEADER_INDEX.set(headerKey(name), spec.field);

export function fieldForHeader(header: string): ImportField | null {
  return HEADER_INDEX.get(headerKey(header)) ?? null;
}

function isKnownHeader(cell: string): boolean {
  const key = headerKey(cell);
  return HEADER_INDEX.has(key) || IGNORED_HEADERS.includes(key);
}

/** The header row: among the first 30 rows, the one naming the most known columns, a name column among them. */
export function findHeaderRow(grid: string[][]): number | null {
  let best: { index: number; score: number } | null = null;
  grid.slice(0, 30).forEach((row, index) => {
    const distinct = new Set(row.map((c) => c.trim()).filter(Boolean));
    // A merged title repeats one value across the row; it is not a header.
    if (distinct.size < 2) return;
    const score = [...distinct].filter(isKnownHeader).length;
    const hasName = [...distinct].some((c) => fieldForHeader(c) === 'name');
    if (hasName && score >= 2 && (!best || score > best.score)) best = { index, score };
  });
  return best ? (best as { index: number }).index : null;
}

const CATEGORY_WORDS: [RegExp, OrganizationCategory][] = [
  [/政府|机关|行政|管委会|局$/, 'government'],
  [/本科|普通高校|高等学校|大学/, 'university'],
  [/高职|高等职业|职业技术学院|专科/, 'higher_vocational'],
  [/中职|中等职业|技工|职业高中|职教中心|中专/, 'secondary_vocational'],
  [/科研|研究院|研究所|院所/, 'research'],
  [/企业|公司|厂/, 'enterprise'],
  [/协会|学会|商会|社会组织|社团|行业组织/, 'association'],
  [/其他|其它/, 'other'],
];

/** A category from a label (企业, 高职院校, 行业协会 …) or a code (enterprise). */
export function categoryFromText(text: string): OrganizationCategory | null {
  const value = halfWidth(text).replace(/\s/g, '');
  if (!value) return null;
  if ((ORGANIZATION_CATEGORIES as readonly string[]).includes(value.toLowerCase())) return value.toLowerCase() as OrganizationCategory;
  const exact = ORGANIZATION_CATEGORIES.find((c) => CATEGORY_LABELS_ZH[c] === value);
  if (exact) return exact;
  return CATEGORY_WORDS.find(([pattern]) => pattern.test(value))?.[1] ?? null;
}

/** A role from its label (常务理事单位, 理事长单位, 会员单位 …) or its code. */
export function roleFromText(text: string): MemberRole | null {
  const value = halfWidth(text).replace(/\s/g, '');
  if (!value) return null;
  if ((MEMBER_ROLES as readonly string[]).includes(value.toLowerCase())) return value.toLowerCase() as MemberRole;
  const exact = MEMBER_ROLES.find((r) => ROLE_LABELS_ZH[r] === value || ROLE_LABELS_ZH[r].replace(/单位$/, '') === value);
  if (exact) return exact;
  if (/^会员(单位)?$/.test(value)) return 'member';
  return null;
}

/** Headings over notes, not over members (row-kinds.ts reads them as notes). */
const NOTE_WORDS = /^(备注|说明|注释|填表说明|填报说明)$/;
/** The longest label read as a section heading that names no category: a unit's name is longer. */
const UNKNOWN_SECTION_MAX = 12;
/** 一、 二． (top level) and （三） (四) (within one): numbered rows of units use 1、 2、, so only these mark a heading the app cannot file. */
const CHINESE_ORDINAL = /^(?:[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)|（[一二三四五六七八九十]+）)$/;
const BRACKETED = /^[(（]/;

export interface SectionHeading {
  label: string;
  /** The category it names; null for one the app does not know, or for a role's heading. */
  category: OrganizationCategory | null;
  /** The role it names (一、理事长单位, （一）理事单位), if any. */
  role: MemberRole | null;
  /** 'within' for a bracketed ordinal (（一）): a group inside the heading above, not a new section. */
  level: 'top' | 'within';
}

/**
 * A section row names a group: 一、政府机构（10个）, 二．本科院校, （三）企业 120家, or our own
 * roster's 企业（120家）. It has one distinct value, after an ordinal or before a count (a lone word
 * such as 企业 could be a unit's note, so one of the two is required). Its category is null when the
 * label names none the app knows (二、学校 may hold 本科院校 and 中职学校 alike): the rows under it are
 * then not filed under the section above.
 */
export function sectionHeading(row: string[]): SectionHeading | null {
  const distinct = new Set(row.map((c) => c.trim()).filter(Boolean));
  if (distinct.size !== 1) return null;
  const text = halfWidth([...distinct][0]!).replace(/\s/g, '');
  const match = /^((?:[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)|（[一二三四五六七八九十]+）|\d+[、.．])?)(.+?)((?:[（(]\d+[个所家名户]?[）)]|\d+[个所家名户])?)$/.exec(text);
  if (!match || (!match[1] && !match[3])) return null;
  const label = match[2]!;
  if (NOTE_WORDS.test(label)) return null;
  const category = categoryFromText(label);
  const level = BRACKETED.test(match[1]!) ? 'within' : 'top';
  if (category) return { label, category, role: null, level };
  // One the app cannot file is taken for a heading only when it plainly is one — after a Chinese
  // ordinal, short, without figures — since the rows under it may be asked for their category:
  // 中电科55所 (55所 is no count) or 1、长春一汽富维 alone on a row are units.
  if (!CHINESE_ORDINAL.test(match[1]!) || label.length > UNKNOWN_SECTION_MAX || /\d/.test(label)) return null;
  return { label, category: null, role: roleFromText(label.replace(/[:：]$/, '')), level };
}

export function sectionCategory(row: string[]): OrganizationCategory | null {
  return sectionHeading(row)?.category ?? null;
}
