// The spreadsheets the bench imports: n enterprise rows with valid credit codes and mobiles.
import ExcelJS from 'exceljs';
import { usccCheckCharacter } from '../../core/members/uscc.js';

export async function memberWorkbook(n: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('成员');
  sheet.addRow(['单位名称', '类别', '联合体职务', '统一社会信用代码', '联系人', '职务', '联系电话']);
  for (let i = 0; i < n; i += 1) {
    const body = `91220100${String(700000 + i).padStart(9, '0')}`;
    sheet.addRow([`长春第${String(i + 1).padStart(6, '0')}汽车零部件有限公司`, '企业', i % 50 === 0 ? '理事单位' : '成员单位', body + usccCheckCharacter(body), `联系人${i % 97}`, '经理', `139${String(20000000 + i)}`]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
