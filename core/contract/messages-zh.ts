// Chinese texts the core itself needs (the rejected-rows report, the CLI) and the UI shows too:
// field problems and import issues. The UI's zh.ts takes them from here, so each text has one source.

export const VALIDATION_MESSAGES_ZH = {
  required: '必填',
  type: '格式不正确',
  tooSmall: '至少 {{min}} 项',
  tooLong: '不能超过 {{max}} 个字符',
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
  },
  file: {
    empty: '文件是空的，没有可导入的行',
    tooLarge: '文件大小为 {{sizeMb}} MB，超过上限 {{maxMb}} MB',
    tooManyParts: '这个 xlsx 文件的内部部件过多（上限 {{max}} 个），不像是名单表格，已拒绝',
    tooLargeUncompressed: '这个 xlsx 文件解压后有 {{sizeMb}} MB，超过上限 {{maxMb}} MB，已拒绝（可能是压缩炸弹）',
    damagedZip: 'xlsx 文件已损坏，无法读取',
    encrypted: '工作簿设置了密码。请在 Excel 或 WPS 中取消密码后再导入',
    legacyXls: '这是旧版 .xls 文件。请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
    notSpreadsheet: '这不是表格文件，请选择 .xlsx 或 .csv 文件',
    unreadable: '无法读取此 xlsx 文件',
    tooManyRows: '表格行数超过上限 {{max}} 行',
    noHeader: '找不到表头行：表格中需要有“单位名称”列，以及“类别”“联系人”等列名',
    noNameColumn: '请为“单位名称”选择一列',
    expired: '上传的文件已过期，请重新选择文件',
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
