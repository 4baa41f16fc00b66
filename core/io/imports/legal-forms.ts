// 单位性质: the legal form a Chinese roster gives each unit (机关, 事业单位, 社会团体, 民办非企业单位,
// 国有企业 …), and the member category it suggests. A form that fits one category suggests it; a
// form that fits several (事业单位 may be a school, an institute or a government body; 民办非企业单位
// is usually a private school or institute, never an enterprise) is asked of the clerk, whose
// answer is remembered per value. Nothing here maps a form silently where it could be wrong.
import type { OrganizationCategory } from '../../contract/codes.js';
import { halfWidth } from './normalise.js';

export type LegalFormReading = { kind: 'category'; category: OrganizationCategory } | { kind: 'ambiguous'; choices: OrganizationCategory[] } | { kind: 'unknown' };

const SCHOOLS: OrganizationCategory[] = ['university', 'higher_vocational', 'secondary_vocational'];

// Most specific first: 民办非企业 before 企业, 高等职业 before 高等学校.
const FORMS: [RegExp, OrganizationCategory | OrganizationCategory[]][] = [
  [/^(党政)?机关(单位|法人)?$|^(行政|政府|国家)机关$|^参公(管理)?(事业)?单位$/, 'government'],
  [/民办非企业|民非|社会服务机构/, [...SCHOOLS, 'research', 'association', 'other']],
  [/基金会/, ['association', 'other']],
  [/社会团体|^社团(法人)?$|行业协会|学会|商会|社会组织/, 'association'],
  [/中等职业|中职|技工学校|技师学院/, 'secondary_vocational'],
  [/高等职业|高职|职业技术学院|职业学院/, 'higher_vocational'],
  [/^(普通)?(本科|高等学校|高等院校|大学)$|普通高等学校|本科院校/, 'university'],
  [/^职业(学校|院校)$/, ['higher_vocational', 'secondary_vocational']],
  [/科研院所|科研机构|研究院|研究所/, 'research'],
  [/事业单位|事业法人/, [...SCHOOLS, 'research', 'government', 'other']],
  [/企业|公司|有限责任|股份|合伙|个体工商户|农民专业合作社|国企|央企|民营|私营|外资|合资|独资|集体所有制/, 'enterprise'],
];

/** The category a legal form suggests, the choices when it fits several, or unknown. */
export function readLegalForm(text: string): LegalFormReading {
  const value = halfWidth(text).replace(/[\s()（）]/g, '');
  if (!value) return { kind: 'unknown' };
  for (const [pattern, category] of FORMS) {
    if (!pattern.test(value)) continue;
    return Array.isArray(category) ? { kind: 'ambiguous', choices: category } : { kind: 'category', category };
  }
  return { kind: 'unknown' };
}

/** A legal form as the clerk's remembered answers are keyed: without spaces, brackets or width differences. */
export function legalFormKey(text: string): string {
  return halfWidth(text).replace(/[\s()（）]/g, '');
}
