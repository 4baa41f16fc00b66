// Administrative division codes (GB/T 2260) by their six digits, and the full name of a division
// as a clerk reads it (吉林省长春市朝阳区): the province, the city unless it is only a grouping
// (市辖区, 省直辖县级行政区划), and the county.
import { REGIONS_PACKED } from './regions-data.js';

let table: Map<string, string> | null = null;

function regions(): Map<string, string> {
  if (!table) {
    table = new Map();
    for (const entry of REGIONS_PACKED.split('|')) table.set(entry.slice(0, 6), entry.slice(6));
  }
  return table;
}

const GROUPING = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** The division's full name, or null when the code is not in the table (divisions change; old codes stay in credit codes). */
export function regionName(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return null;
  const all = regions();
  const own = all.get(code);
  if (!own) return null;
  const province = all.get(`${code.slice(0, 2)}0000`) ?? '';
  if (code.endsWith('0000')) return own;
  const city = all.get(`${code.slice(0, 4)}00`);
  const cityPart = city && !GROUPING.test(city) ? city : '';
  if (code.endsWith('00')) return GROUPING.test(own) ? province : province + own;
  return province + cityPart + own;
}
