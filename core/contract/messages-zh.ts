// Chinese texts the core itself needs (the rejected-rows report, the CLI) and the UI shows too:
// field problems and import issues. The UI's zh.ts takes them from here, so each text has one source.

export const VALIDATION_MESSAGES_ZH = {
  required: '必填',
  type: '格式不正确',
  tooSmall: '至少 {{min}} 项',
  tooLong: '不能超过 {{max}} 个字符',
  tooMany: '最多 {{max}} 项',
  choice: '请从列表中选择',
  format: '格式不正确',
  invalid: '内容不正确',
  unknownField: '不认识的字段：{{fields}}',
  date: '日期格式应为 2023-08-19',
  email: '电子邮箱格式不正确',
  postcode: '邮政编码应为 6 位数字',
  pinyin: '只能包含拼音字母、空格和声调数字',
  exitDateRequired: '退出或除名时须填写日期',
  exitReasonRequired: '退出或除名时须填写原因',
  time: '时间格式应为 09:30',
  endBeforeEffective: '到期日期不能早于生效日期',
  endDateBeforeStart: '结束日期不能早于开始日期',
  numberTooSmall: '不能小于 {{min}}',
  numberTooLarge: '不能大于 {{max}}',
  wholeNumber: '请填写整数',
  bodyOffPage: '正文超出纸张右边（X 加宽度不能超过 210 毫米）',
  dateRange: '日期应在 1990 年至 2100 年之间',
  validBeforeDate: '有效期至不能早于授予日期',
  yearTwice: '{{year}} 年填写了两次',
  councilRole: '请选择理事会职务（成员单位不是理事会职务）',
  endBeforeStart: '结束时间不能早于开始时间',
  endOrTerm: '到期日期和期限只填其一',
  signedDateRequired: '已签署的协议须填写签订日期',
  terminatedDateRequired: '已终止的协议须填写终止日期',
  partyTwice: '该单位已是签约方',
  amendsItself: '协议不能续签/变更自身',
  numberPattern: '编号规则须包含 {seq}，可用 {year} 和 {type}',
  fileName: '不能使用此文件名，请重命名后再上传',
  fileContent: '无法读取文件内容',
  fileEmpty: '文件是空的',
  attachmentTooLarge: '附件不能超过 {{maxMb}} MB',
  absolutePath: '请填写完整路径，例如 D:\\联合体数据',
  dataFileName: '请选择文件夹，或其中名为 {{name}} 的文件',
  noDataFile: '该文件夹中没有 {{name}}',
  dataFileExists: '该文件夹已有数据文件，请直接打开',
  controlCharacters: '含有控制字符或文字方向控制符，请重新输入，或以纯文本粘贴',
  systemFolder: '这是系统文件夹，不能存放数据',
  parentMissing: '上级文件夹 {{parent}} 不存在',
  notAFolder: '这是一个文件，不是文件夹',
  dataFileNotAFile: '这里的 {{name}} 不是普通文件',
  uscc: {
    length: '统一社会信用代码应为 18 位，当前为 {{length}} 位',
    character: '第 {{position}} 位“{{character}}”不是允许的字符（不含 I、O、Z、S、V）',
    department: '第 1 位“{{character}}”不是登记管理部门代码（应为 {{allowed}}）',
    kind: '第 2 位“{{character}}”不是{{department}}登记的机构类别代码（应为 {{allowed}}）',
    region: '第 3–8 位是登记管理机关的行政区划代码，应为数字；第 {{position}} 位是“{{character}}”',
    checksum: '校验位应为 {{expected}}，实际为 {{actual}}，可能有字符输错',
  },
};

export const IMPORT_MESSAGES_ZH = {
  issue: {
    category: '不能识别的单位类别：{{value}}',
    noCategory: '缺少单位类别：请映射“类别”列，或在表中用“一、企业”这样的分组行',
    role: '不能识别的联合体职务：{{value}}',
    contactWithoutName: '有联系方式但没有联系人姓名',
    usccDiffers: '与已有成员“{{name}}”同名，但其统一社会信用代码为 {{uscc}}',
    legalFormAsk: '单位性质“{{value}}”可能对应多个类别，请在上方“单位性质”中选择它对应的类别',
    legalFormUnknown: '不能识别的单位性质“{{value}}”，请在上方“单位性质”中选择它对应的类别',
    usccScientific: '信用代码显示为 {{value}}：Excel 把它当作数字保存，只保留了 15 位。请把该列设为“文本”格式后重新输入代码',
    usccCut: '信用代码 {{value}} 被 Excel 当作数字保存，数字只保留 15 位有效数字，即使校验位相符也不可信。请把该列设为“文本”格式后重新输入代码',
    phoneScientific: '电话显示为 {{value}}：Excel 把它当作数字保存。请把该列设为“文本”格式后重新输入',
    phoneLeadingZero: '电话 {{value}} 被 Excel 当作数字保存，可能丢了开头的 0（{{suggestion}}），请核对',
    ambiguousName: '“{{value}}”是多个成员的简称或别名（{{names}}），无法确定是哪一家：请在文件中写单位全称',
    usccRegion: '信用代码第 3–8 位 {{region}} 不在内置的行政区划表中；区划会调整，如为新代码请核对',
  },
  file: {
    empty: '文件是空的，没有可导入的行',
    emptySheet: '工作表“{{sheet}}”是空的，没有可导入的行',
    damagedZip: '文件已损坏，无法读取（{{detail}}）',
    damagedPart: '文件中的 {{part}} 不是完整的 XML，无法读取',
    missingPart: '工作簿指向的工作表“{{sheet}}”（{{part}}）不在文件中，文件可能已损坏',
    encrypted: '工作簿设置了密码。请在 Excel 或 WPS 中取消密码后再导入',
    notSpreadsheet: '这不是表格文件，请选择 .xlsx、.xls、.ods 或 .csv 文件',
    unreadable: '无法读取此文件：文件可能已损坏，或由本软件不认识的程序保存。请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
    invalidUtf8: '文件是 UTF-8 编码，但第 {{line}} 行有一个字节不是 UTF-8（文件第 {{byte}} 字节，0x{{hex}}）。请修正该行，或重新保存为 UTF-8 后再导入',
    invalidUtf16: '文件是 UTF-16 编码，但有残缺的字符（半个字符对，或多出一个字节）。请重新保存文件后再导入',
    noSuchSheet: '文件中没有工作表“{{sheet}}”；现有工作表：{{sheets}}',
    tooSlow: '读取文件超过 {{seconds}} 秒，已停止',
    noHeader: '在工作表“{{sheet}}”中找不到表头行：表格中需要有“单位名称”列，以及“类别”“联系人”等列名',
    noNameColumn: '请为“单位名称”选择一列',
    expired: '上传的文件已过期，请重新选择文件',
    limit: {
      bytes: '文件大小为 {{figure}} MB，超过上限 {{max}} MB。请把名单分成几个文件，或在 Excel/WPS 中另存为 .xlsx（通常更小）后再导入',
      uncompressed: '文件解压后有 {{figure}} MB，超过上限 {{max}} MB，已拒绝（可能是压缩炸弹）',
      parts: '文件内部有 {{figure}} 个部件，超过上限 {{max}} 个，不像是名单表格，已拒绝',
      rows: '工作表{{sheet}}第 {{figure}} 行有内容，超过上限 {{max}} 行',
      columns: '工作表{{sheet}}的单元格 {{figure}} 有内容，超出读取的前 {{max}} 列。请删除该处内容，或只把名单复制到新的工作表后再导入',
      cells: '工作表{{sheet}}的单元格超过上限 {{max}} 个（已有 {{figure}} 个），可能有覆盖整张表的合并单元格',
      text: '文件中的文字超过上限 {{max}} 个字符（已有 {{figure}} 个）',
      cellText: '工作表{{sheet}}的单元格 {{figure}} 超过 {{max}} 个字符',
      item: '文件中的 {{figure}} 有一项名称、属性或文字超过 1,000,000 个字符，远超任何单元格，已拒绝',
      merges: '工作表{{sheet}}的合并单元格超过上限 {{max}} 处',
      sheets: '工作簿有 {{figure}} 个工作表，超过上限 {{max}} 个',
      memory: '读取文件需要超过 {{max}} MB 内存，已停止。请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
    },
  },
};

type Messages = { [key: string]: string | Messages };
const ROOTS: Messages = { validation: VALIDATION_MESSAGES_ZH, import: IMPORT_MESSAGES_ZH };

/** A message key (validation.uscc.length, import.issue.role) in Chinese, or the fallback when unknown. */
export function messageZh(key: string, params: Record<string, string | number> = {}, fallback = key): string {
  let node: string | Messages | undefined = ROOTS;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') return fallback;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
