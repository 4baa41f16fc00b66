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

/** A council term's life: the next one being prepared (换届), the one in office, past ones. */
export const TERM_STATES = ['draft', 'current', 'closed'] as const;
export type TermState = (typeof TERM_STATES)[number];
export const TERM_STATE_LABELS_ZH: Record<TermState, string> = { draft: '筹备中', current: '本届', closed: '已届满' };

/** A change during a term, approved at a meeting: 增补 a new seat, 调整 a role, 退出 a seat. */
export const TERM_CHANGE_KINDS = ['add', 'adjust', 'leave'] as const;
export type TermChangeKind = (typeof TERM_CHANGE_KINDS)[number];
export const TERM_CHANGE_LABELS_ZH: Record<TermChangeKind, string> = { add: '增补', adjust: '调整', leave: '退出' };

/** The council's personal offices, held by people on behalf of their units. */
export const COUNCIL_OFFICES = ['chair_person', 'vice_chair_person', 'secretary_general', 'deputy_secretary_general'] as const;
export type CouncilOffice = (typeof COUNCIL_OFFICES)[number];
export const COUNCIL_OFFICE_LABELS_ZH: Record<CouncilOffice, string> = { chair_person: '理事长', vice_chair_person: '副理事长', secretary_general: '秘书长', deputy_secretary_general: '副秘书长' };

const NUMERALS_ZH = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一: how term numbers are written (第十二届). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n < 10) return NUMERALS_ZH[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS_ZH[tens]}十${ones ? NUMERALS_ZH[ones] : ''}`;
}

/** 第一届理事会, or 届次未定 for a term whose number is not known. */
export function termName(ordinal: number | null): string {
  return ordinal == null ? '届次未定的理事会' : `第${chineseNumber(ordinal)}届理事会`;
}

/** The standard kinds of cooperation project; a secretariat may add its own (stored as its name). */
/**
 * Tags suggested on the agreement form. Tags are the register's own words, stored as typed and
 * searched and exported as they are, so the suggestions are data in the register's language, not UI text.
 */
export const COMMON_AGREEMENT_TAGS = ['订单培养', '实习实训基地', '产业学院', '技术攻关', '师资互聘', '就业', '共建专业', '人才共育'] as const;

export const PROJECT_KINDS = ['order_class', 'apprenticeship', 'training_base', 'industry_college', 'tech_research', 'staff_training', 'internship_employment', 'other'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const PROJECT_KIND_LABELS_ZH: Record<ProjectKind, string> = {
  order_class: '订单班',
  apprenticeship: '现代学徒制',
  training_base: '共建实训基地',
  industry_college: '产业学院',
  tech_research: '技术攻关',
  staff_training: '职工培训',
  internship_employment: '实习与就业',
  other: '其他',
};

/** What the alliance hands out: plaques to units (授牌) and appointment letters to people (聘书). */
export const AWARD_KINDS = ['plaque', 'appointment'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];
export const AWARD_KIND_LABELS_ZH: Record<AwardKind, string> = { plaque: '授牌', appointment: '聘书' };
/** The short form in their numbers: 2026-授牌-001, 2026-聘-001. */
export const AWARD_NUMBER_PREFIX_ZH: Record<AwardKind, string> = { plaque: '授牌', appointment: '聘' };
