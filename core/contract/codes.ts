// Stable codes stored in the database and used in files and the CLI; labels are translated in the UI.

/** Categories in the order rosters group them (domain.md). */
export const ORGANIZATION_CATEGORIES = [
  'government',
  'university',
  'higher_vocational',
  'secondary_vocational',
  'research',
  'enterprise',
  'association',
  'other',
] as const;
export type OrganizationCategory = (typeof ORGANIZATION_CATEGORIES)[number];

export const SCHOOL_CATEGORIES: readonly OrganizationCategory[] = ['university', 'higher_vocational', 'secondary_vocational'];

/** Roles from the highest rank to the lowest; the index is the stored rank. */
export const MEMBER_ROLES = ['lead', 'chair', 'executive_vice_chair', 'vice_chair', 'executive_council', 'council', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export function roleRank(role: MemberRole): number {
  return MEMBER_ROLES.indexOf(role);
}

export const MEMBER_STATUSES = ['applied', 'active', 'suspended', 'withdrawn', 'expelled'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Statuses whose holders no longer count as current members (their names may be reused). */
export const FORMER_MEMBER_STATUSES: readonly MemberStatus[] = ['withdrawn', 'expelled'];

export const ALLIANCE_LEVELS = ['national', 'provincial', 'municipal'] as const;
export type AllianceLevel = (typeof ALLIANCE_LEVELS)[number];

/** Chinese labels, needed by the core itself for roster headings and CLI output. */
export const CATEGORY_LABELS_ZH: Record<OrganizationCategory, string> = {
  government: '政府机构',
  university: '本科院校',
  higher_vocational: '高职院校',
  secondary_vocational: '中职学校',
  research: '科研机构',
  enterprise: '企业',
  association: '行业协会/社会组织',
  other: '其他',
};

/** The measure word a roster heading counts with: 政府机构（10个）, 本科院校（8所）, 企业（120家）. */
export const CATEGORY_COUNTERS_ZH: Record<OrganizationCategory, string> = {
  government: '个',
  university: '所',
  higher_vocational: '所',
  secondary_vocational: '所',
  research: '个',
  enterprise: '家',
  association: '个',
  other: '个',
};

export const ROLE_LABELS_ZH: Record<MemberRole, string> = {
  lead: '牵头单位',
  chair: '理事长单位',
  executive_vice_chair: '常务副理事长单位',
  vice_chair: '副理事长单位',
  executive_council: '常务理事单位',
  council: '理事单位',
  member: '成员单位',
};

export const STATUS_LABELS_ZH: Record<MemberStatus, string> = {
  applied: '申请中',
  active: '正式成员',
  suspended: '暂停',
  withdrawn: '退出',
  expelled: '除名',
};

export const AGREEMENT_TYPES = [
  'school_enterprise',
  'school_school',
  'research_education',
  'government_enterprise',
  'government_school',
  'government_school_enterprise',
  'other',
] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

/** The short forms clerks write in agreement numbers and headings (2023-校企-001). */
export const AGREEMENT_TYPE_LABELS_ZH: Record<AgreementType, string> = {
  school_enterprise: '校企',
  school_school: '校校',
  research_education: '科教',
  government_enterprise: '政企',
  government_school: '政校',
  government_school_enterprise: '政校企',
  other: '其他',
};

export const AGREEMENT_STATUSES = ['draft', 'signed', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** What a list shows and filters by: a signed agreement is in force, expiring (≤ 90 days) or expired. */
export const AGREEMENT_STATES = ['draft', 'in_force', 'expiring', 'expired', 'terminated'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];
export const EXPIRING_WITHIN_DAYS = 90;

export const AGREEMENT_STATE_LABELS_ZH: Record<AgreementState, string> = {
  draft: '拟签',
  in_force: '履行中',
  expiring: '即将到期',
  expired: '已到期',
  terminated: '已终止',
};

/** 甲方, 乙方, 丙方 … by position. */
export const PARTY_LABELS_ZH = ['甲方', '乙方', '丙方', '丁方', '戊方', '己方', '庚方', '辛方', '壬方', '癸方'];

export const EVENT_TYPES = ['founding_congress', 'members_congress', 'council_meeting', 'signing_ceremony', 'matching', 'exchange', 'visit', 'other'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_TYPE_LABELS_ZH: Record<EventType, string> = {
  founding_congress: '成立大会',
  members_congress: '成员大会',
  council_meeting: '理事会',
  signing_ceremony: '签约仪式',
  matching: '供需对接会',
  exchange: '经验交流会',
  visit: '调研走访',
  other: '其他',
};

export const AGENDA_KINDS = ['speech', 'experience_talk', 'information_release', 'signing', 'resolution', 'other'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const AGENDA_KIND_LABELS_ZH: Record<AgendaKind, string> = { speech: '讲话', experience_talk: '经验介绍', information_release: '信息发布', signing: '签约', resolution: '决议', other: '其他' };

export const ATTENDANCE_STATUSES = ['invited', 'attended', 'absent', 'proxy'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_LABELS_ZH: Record<AttendanceStatus, string> = { invited: '已邀请', attended: '已到会', absent: '缺席', proxy: '委托出席' };

export const TALENT_DIRECTIONS = ['supply', 'demand'] as const;
export type TalentDirection = (typeof TALENT_DIRECTIONS)[number];
