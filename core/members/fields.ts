// The member's fields (an organization of the alliance) and its contacts' fields: one declaration
// each, driving the table mapping, inputs, result types, import columns, restore, forms and files.
import { z } from 'zod';
import { CATEGORY_LABELS_ZH, MEMBER_ROLES, MEMBER_STATUSES, ORGANIZATION_CATEGORIES, ROLE_LABELS_ZH, STATUS_LABELS_ZH } from '../contract/codes.js';
import { defineFields, label, stored, type RecordOf } from '../contract/fields.js';
import { matching, optionalDate, optionalText, requiredText } from '../contract/validation.js';
import { normaliseUscc, usccProblem } from './uscc.js';

/** USCC: normalised first (spaces, case, full width), then checked against GB 32100-2015. */
export const optionalUscc = z
  .string()
  .nullish()
  .transform((v) => (v == null ? null : normaliseUscc(v) || null))
  .superRefine((code, ctx) => {
    if (code === null) return;
    const problem = usccProblem(code);
    if (!problem) return;
    const { reason, ...rest } = problem;
    ctx.addIssue({ code: 'custom', message: usccMessage(problem), params: { key: `validation.uscc.${reason}`, ...rest } });
  });

function usccMessage(problem: NonNullable<ReturnType<typeof usccProblem>>): string {
  switch (problem.reason) {
    case 'length':
      return `A unified social credit code has 18 characters; this one has ${problem.length}.`;
    case 'character':
      return `Character ${problem.position} ("${problem.character}") is not allowed in a unified social credit code.`;
    case 'department':
      return `Position 1 ("${problem.character}") is not a registering department code (${problem.allowed}).`;
    case 'kind':
      return `Position 2 ("${problem.character}") is not a kind of body registered by ${problem.department} (${problem.allowed}).`;
    case 'region':
      return `Positions 3–8 are a division code and hold digits; position ${problem.position} is "${problem.character}".`;
    case 'checksum':
      return `The check character should be ${problem.expected}, not ${problem.actual}: a character is probably mistyped.`;
  }
}


export const contactFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  organizationId: { kind: 'ref', schema: stored.id, access: 'system', label: label('所属单位', 'Member') },
  name: {
    kind: 'text',
    schema: requiredText(50),
    access: 'input',
    label: label('姓名', 'Name'),
    exportLabel: '联系人',
    import: { headers: ['联系人', '联系人姓名', '姓名', 'contact'], tidy: 'person', merge: 'fill' },
  },
  title: {
    kind: 'text',
    schema: optionalText(100),
    access: 'input',
    label: label('职务', 'Title'),
    import: { headers: ['职务', '联系人职务', '职位', '职称', 'title'], tidy: 'plain', merge: 'fill' },
  },
  phone: {
    kind: 'text',
    schema: optionalText(50),
    access: 'input',
    label: label('电话', 'Phone'),
    import: { headers: ['电话', '联系电话', '办公电话', '座机', '固定电话', 'phone'], tidy: 'code', merge: 'fill' },
  },
  mobile: {
    kind: 'text',
    schema: optionalText(50),
    access: 'input',
    label: label('手机', 'Mobile'),
    import: { headers: ['手机', '手机号', '手机号码', '移动电话', 'mobile'], tidy: 'code', merge: 'fill' },
  },
  email: {
    kind: 'text',
    schema: optionalText(200).pipe(matching(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'validation.email', 'Expected an e-mail address.').nullable()),
    access: 'input',
    label: label('电子邮箱', 'E-mail'),
    import: { headers: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail'], tidy: 'code', merge: 'fill' },
  },
  isPrimary: { kind: 'boolean', schema: z.boolean().default(false), access: 'input', label: label('主要联系人', 'Primary contact') },
  sortOrder: { kind: 'integer', schema: stored.count, access: 'system', label: label('顺序', 'Position') },
  createdAt: { kind: 'timestamp', schema: stored.timestamp, access: 'internal', label: label('创建时间', 'Created') },
  updatedAt: { kind: 'timestamp', schema: stored.timestamp, access: 'internal', label: label('修改时间', 'Changed') },
});

export type Contact = RecordOf<typeof contactFields>;

export const memberFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  name: {
    kind: 'text',
    schema: requiredText(200),
    access: 'input',
    label: label('单位全称', 'Full name'),
    exportLabel: '单位名称',
    import: { headers: ['单位名称', '名称', '成员单位', '成员单位名称', '单位全称', '单位', '机构名称', '企业名称', '学校名称', 'name'], tidy: 'name', merge: 'never' },
  },
  shortName: {
    kind: 'text',
    schema: optionalText(100),
    access: 'input',
    label: label('简称', 'Short name'),
    import: { headers: ['简称', '单位简称', 'shortname'], tidy: 'name', merge: 'fill' },
  },
  aliases: {
    kind: 'textList',
    schema: z.array(requiredText(200)).max(20).default([]),
    access: 'input',
    label: label('别名', 'Aliases'),
    import: { headers: ['别名', '其他名称', 'aliases'], tidy: 'name', merge: 'never' },
  },
  formerNames: {
    kind: 'json',
    schema: z.array(z.object({ name: z.string(), until: z.string().nullable() })),
    access: 'system',
    label: label('曾用名', 'Former names'),
  },
  category: {
    kind: 'enum',
    schema: z.enum(ORGANIZATION_CATEGORIES),
    access: 'input',
    label: label('类别', 'Category'),
    exportLabel: '单位类别',
    labelsZh: CATEGORY_LABELS_ZH,
    import: { headers: ['类别', '单位类型', '单位类别', '类型', '成员类别', 'category'], tidy: 'plain', merge: 'overwrite' },
  },
  uscc: {
    kind: 'text',
    schema: optionalUscc,
    access: 'input',
    label: label('统一社会信用代码', 'Unified social credit code'),
    import: { headers: ['统一社会信用代码', '信用代码', '社会信用代码', '统一代码', 'uscc'], tidy: 'code', merge: 'fill' },
  },
  role: {
    kind: 'enum',
    schema: z.enum(MEMBER_ROLES).default('member'),
    access: 'input',
    label: label('联合体职务', 'Role in the alliance'),
    labelsZh: ROLE_LABELS_ZH,
    import: { headers: ['联合体职务', '理事会职务', '联合体角色', '角色', '成员类型', 'role'], tidy: 'plain', merge: 'overwrite' },
  },
  status: { kind: 'enum', schema: z.enum(MEMBER_STATUSES), access: 'system', label: label('成员状态', 'Status'), labelsZh: STATUS_LABELS_ZH },
  joinDate: {
    kind: 'date',
    schema: optionalDate,
    access: 'input',
    label: label('入会日期', 'Joined on'),
    import: { headers: ['入会日期', '加入日期', '加入时间', '入会时间', 'joindate'], tidy: 'code', merge: 'fill' },
  },
  exitDate: { kind: 'date', schema: stored.optionalText, access: 'system', label: label('退出日期', 'Left on') },
  exitReason: { kind: 'text', schema: stored.optionalText, access: 'system', label: label('退出原因', 'Reason for leaving') },
  address: {
    kind: 'text',
    schema: optionalText(300),
    access: 'input',
    label: label('地址', 'Address'),
    import: { headers: ['地址', '单位地址', '通讯地址', '通信地址', 'address'], tidy: 'name', merge: 'fill' },
  },
  postcode: {
    kind: 'text',
    schema: optionalText(10).pipe(matching(/^\d{6}$/, 'validation.postcode', 'A postcode has 6 digits.').nullable()),
    access: 'input',
    label: label('邮政编码', 'Postcode'),
    import: { headers: ['邮编', '邮政编码', 'postcode'], tidy: 'code', merge: 'fill' },
  },
  website: {
    kind: 'text',
    schema: optionalText(300),
    access: 'input',
    label: label('网址', 'Website'),
    import: { headers: ['网址', '网站', '单位网址', 'website'], tidy: 'code', merge: 'fill' },
  },
  legalRepresentative: {
    kind: 'text',
    schema: optionalText(50),
    access: 'input',
    label: label('法定代表人/负责人', 'Legal representative'),
    import: { headers: ['法定代表人', '负责人', '法人代表', '单位负责人'], tidy: 'person', merge: 'fill' },
  },
  notes: {
    kind: 'text',
    schema: optionalText(2000),
    access: 'input',
    label: label('备注', 'Notes'),
    import: { headers: ['备注', '说明', 'notes'], tidy: 'plain', merge: 'fill' },
  },
  /** The secretariat's own order in name lists (手工排序): 1, 2, 3 … first, the rest after them. */
  rosterRank: {
    kind: 'integer',
    schema: z
      .number()
      .int()
      .min(1)
      .max(999_999)
      .nullish()
      .transform((v) => v ?? null),
    access: 'input',
    label: label('名单排序号', 'Position in lists'),
  },
  pinyinOverride: {
    kind: 'text',
    schema: optionalText(500).pipe(matching(/^[a-zA-Züv0-5 ]+$/, 'validation.pinyin', 'Pinyin letters, spaces and tone digits only.').nullable()),
    access: 'input',
    label: label('拼音读法（排序用）', 'Pinyin reading (for sorting)'),
  },
  isSample: { kind: 'boolean', schema: stored.flag, access: 'system', label: label('示例数据', 'Sample data') },
  createdAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('创建时间', 'Created') },
  updatedAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('修改时间', 'Changed') },
});

/** A member with its contacts, as the API returns it. */
export type Member = RecordOf<typeof memberFields> & { contacts: Contact[] };
