// Several people in one contact cell (张三、李四; 张三 13800000001；李四 13900000002; 王五（办公室主任）),
// with or without their phones, become several contacts; a phone inside a name cell goes to the
// phone. The phone, mobile, title and e-mail cells are split the same way and matched by position
// when they hold as many parts as there are people.

const PEOPLE_SEPARATORS = /[、,，;；/／\n]+/;
const MOBILE_IN = /(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d){8}/;
const LANDLINE_IN = /(?:\(?0\d{2,3}\)?[- ]?)?\d{7,8}(?:[-转]\d{1,6})?/;

export interface CellPerson {
  name: string;
  mobile: string | null;
  phone: string | null;
  /** A title in brackets after the name: 王五（办公室主任）. */
  title: string | null;
}

const digitsOnly = (text: string) => text.replace(/[^\d+]/g, '');

/** The people named in one cell, each with a phone found beside the name. */
export function peopleInCell(text: string): CellPerson[] {
  const parts = text.split(PEOPLE_SEPARATORS);
  // A Chinese name has two characters or more: 李,华 is one person written with a comma, not two.
  const split = parts.length > 1 && !parts.some((p) => /^[\u4e00-\u9fff]$/.test(p.trim()));
  const people: CellPerson[] = [];
  for (const part of split ? parts : [text]) {
    let rest = part.trim();
    if (!rest) continue;
    let mobile: string | null = null;
    let phone: string | null = null;
    const m = MOBILE_IN.exec(rest);
    if (m) {
      mobile = digitsOnly(m[0]);
      rest = rest.replace(m[0], ' ');
    } else {
      const l = LANDLINE_IN.exec(rest);
      if (l && digitsOnly(l[0]).length >= 7) {
        phone = l[0].replace(/\s/g, '');
        rest = rest.replace(l[0], ' ');
      }
    }
    // Labels and leftovers around a phone: 电话, 手机, Tel, colons and brackets left empty.
    let title: string | null = null;
    // Only Chinese text in brackets is a title: 张三（主任）, not @SUM(A1).
    const bracketed = /[（(]\s*([^）)]*?)\s*[）)]/.exec(rest);
    if (bracketed && /[\u4e00-\u9fff]/.test(bracketed[1] ?? '') && rest.replace(bracketed[0], '').trim()) {
      title = bracketed[1] || null;
      rest = rest.replace(bracketed[0], ' ');
    }
    const name = rest
      .replace(/(手机|电话|联系电话|tel|mobile|phone)\s*[:：]?/gi, ' ')
      .replace(/[:：]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (!name && (mobile || phone) && people.length > 0) {
      // A second number for the person before: 张三 138…、0431-…
      const last = people[people.length - 1]!;
      if (mobile && !last.mobile) last.mobile = mobile;
      else if (phone && !last.phone) last.phone = phone;
      continue;
    }
    people.push({ name, mobile, phone, title });
  }
  return people;
}

/** A cell of another contact field split into parts, one per person when the counts agree. */
export function partsFor(text: string | undefined, count: number): (string | null)[] | null {
  if (!text || count < 2) return null;
  const parts = text.split(PEOPLE_SEPARATORS).map((p) => p.trim()).filter(Boolean);
  return parts.length === count ? parts : null;
}
