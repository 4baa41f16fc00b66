// Rows of a roster that are not members, recognised so they are left out with the reason instead
// of blocking the file: sums (合计, 小计, 总计), sign-off lines (填表人：… 审核人：… 日期：…, （盖章）),
// and notes (备注：…, 注：1. …). Only the row's first value and its name cell are looked at, so a
// unit whose notes column says 合计 is still a member.
/** section: a section heading the app does not file: one naming no category it knows, or a role's (see columns.ts sectionHeading). */
export type SkipReason = 'sum' | 'signOff' | 'note' | 'section';

const SUM = /^(合\s*计|小\s*计|总\s*计|共\s*计|总数|total)/i;
const SIGN_OFF = /^(填表人|填报人|制表人|审核人|审批人|复核人|负责人|经办人|联系人|单位负责人|分管领导|填表日期|填报日期|制表日期|日期|填报单位|填表单位)\s*[:：]|[（(]\s*(盖章|公章|签章|签字|签名)\s*[）)]|^(单位)?(盖章|公章)\s*[:：]?$/;
// A note, or a heading over notes (一、说明).
const NOTE = /^(备注|注|说明|注释|填表说明|填报说明)\s*[:：]|^注\s*\d*\s*[、.．：:]|^(?:[一二三四五六七八九十]+|\d+)[、.．]\s*(备注|说明|注释|填表说明|填报说明)\s*$/;

/** Why a row is not a member, or null when it may be one. */
export function nonMemberRow(cells: readonly string[], nameColumn: number): SkipReason | null {
  let first = '';
  for (const cell of cells) {
    const text = cell.trim();
    if (text) {
      first = text;
      break;
    }
  }
  if (!first) return null;
  const name = nameColumn >= 0 ? (cells[nameColumn] ?? '').trim() : '';
  for (const text of name && name !== first ? [first, name] : [first]) {
    if (SUM.test(text.replace(/\s/g, ''))) return 'sum';
    if (SIGN_OFF.test(text)) return 'signOff';
    if (NOTE.test(text)) return 'note';
  }
  // A sign-off line may begin with an empty-looking label cell (签字：) and name the filler later.
  if (cells.some((c) => /^(填表人|填报人|审核人|制表人)\s*[:：]/.test(c.trim()))) return 'signOff';
  return null;
}
