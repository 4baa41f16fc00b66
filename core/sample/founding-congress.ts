// The founding congress as the article reports it (2023-08-19, 汽开区): the two information
// releases, the two experience talks with their titles, and signings of the four kinds by 13 units.
import { eq } from 'drizzle-orm';
import { organizations } from '../../db/schema.js';
import { agreementCreateInput } from '../agreements/contract.js';
import { eventCreateInput } from '../events/contract.js';
import { talentCreateInput } from '../talent/contract.js';
import { createAgreement } from '../agreements/agreements.js';
import type { AgreementType } from '../contract/codes.js';
import type { ServiceContext } from '../contract/context.js';
import { createEvent } from '../events/events.js';
import { createTalentItem } from '../talent/talent.js';
import { FOUNDING_DATE } from './sample-alliance.js';

export const TALK_TITLES = {
  xueYao: '发挥央企“双百行动”示范作用，引领校企协同创新发展，共同打造汽车产教融合新未来',
  liBing: '科教融汇，促进科研成果转化',
};

const ZONE = '长春汽车经济技术开发区管理委员会';
const BUREAU = '长春市教育局';

interface SampleSigning {
  type: AgreementType;
  title: string;
  parties: string[];
  termYears: number;
  tags: string[];
}

/** Thirteen distinct units across six agreements of the four kinds the article names. */
export function foundingSignings(names: { secondarySchools: string[]; enterprises: string[] }): SampleSigning[] {
  return [
    { type: 'school_enterprise', title: '校企合作战略协议（模具人才订单培养）', parties: ['长春汽车职业技术大学', '一汽模具制造有限公司'], termYears: 5, tags: ['订单培养', '实习实训基地'] },
    { type: 'school_enterprise', title: '校企合作战略协议（汽车零部件产业学院）', parties: ['长春职业技术学院', names.enterprises[0]!], termYears: 3, tags: ['产业学院', '就业'] },
    { type: 'school_school', title: '中高职贯通培养合作协议', parties: ['长春工业大学', names.secondarySchools[0]!], termYears: 5, tags: ['师资互聘'] },
    { type: 'school_school', title: '职业教育对口合作协议', parties: ['吉林交通职业技术学院', names.secondarySchools[1]!], termYears: 3, tags: ['师资互聘', '实习实训基地'] },
    { type: 'research_education', title: '科教融汇战略合作协议', parties: ['中国科学院长春分院', '吉林大学'], termYears: 5, tags: ['技术攻关'] },
    { type: 'government_enterprise', title: '政企人才共育战略合作协议', parties: [ZONE, '中国第一汽车集团有限公司', names.enterprises[1]!], termYears: 5, tags: ['就业', '技术攻关'] },
  ];
}

function idOf(ctx: ServiceContext, name: string): string {
  const row = ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)).get();
  if (!row) throw new Error(`Sample member missing: ${name}`);
  return row.id;
}

export function loadFoundingCongress(ctx: ServiceContext, names: { secondarySchools: string[]; enterprises: string[] }): void {
  const id = (name: string) => idOf(ctx, name);
  const signings = foundingSignings(names);
  const attendees = [...new Set([BUREAU, ZONE, ...signings.flatMap((s) => s.parties), '长春市人力资源和社会保障局', '长春市工业和信息化局'])];
  const event = createEvent(
    ctx,
    eventCreateInput.parse({
      title: '长春市汽车产业集群产教联合体成立大会',
      type: 'founding_congress',
      date: FOUNDING_DATE,
      startTime: '09:00',
      venue: '汽开区',
      organizers: [BUREAU, ZONE],
      agenda: [
        { kind: 'speech', title: '宣布长春市汽车产业集群产教联合体成立', presenterOrganizationId: id(BUREAU) },
        { kind: 'information_release', title: '发布人才供给信息', presenterOrganizationId: id(BUREAU) },
        { kind: 'information_release', title: '发布人才需求信息', presenterOrganizationId: id(ZONE) },
        { kind: 'experience_talk', title: TALK_TITLES.xueYao, presenterName: '薛耀（董事长）', presenterOrganizationId: id('一汽模具制造有限公司') },
        { kind: 'experience_talk', title: TALK_TITLES.liBing, presenterName: '李冰（研究员）', presenterOrganizationId: id('中国科学院长春分院') },
        { kind: 'signing', title: '校企签约' },
        { kind: 'signing', title: '校校签约' },
        { kind: 'signing', title: '科教签约' },
        { kind: 'signing', title: '政企签约' },
      ],
      attendance: attendees.map((name) => ({ organizationId: id(name), status: 'attended' })),
      minutes: '长春市汽车产业集群产教联合体成立大会在汽开区举行。市教育局、汽开区分别发布了人才供给信息和需求信息；薛耀、李冰作经验介绍；进行了校企、校校、科教、政企签约，13家单位签署战略合作协议。',
    }),
    { isSample: true },
  );
  for (const signing of signings) {
    createAgreement(
      ctx,
      agreementCreateInput.parse({
        title: signing.title,
        type: signing.type,
        status: 'signed',
        signedDate: FOUNDING_DATE,
        effectiveDate: FOUNDING_DATE,
        termYears: signing.termYears,
        place: '汽开区',
        eventId: event.id,
        tags: signing.tags,
        summary: `${signing.parties.join('、')}在联合体成立大会上签署战略合作协议。`,
        parties: signing.parties.map((name) => ({ organizationId: id(name), sealAffixed: true })),
      }),
      { isSample: true },
    );
  }
  const talent = [
    { org: BUREAU, direction: 'supply', field: '汽车制造与试验技术', level: '高职', headcount: 1200, period: '2024届' },
    { org: BUREAU, direction: 'supply', field: '新能源汽车技术', level: '中职', headcount: 900, period: '2024届' },
    { org: BUREAU, direction: 'supply', field: '车辆工程', level: '本科', headcount: 600, period: '2024届' },
    { org: ZONE, direction: 'demand', field: '汽车装配与调试', level: '中职及以上', headcount: 1500, period: '2023—2024年' },
    { org: ZONE, direction: 'demand', field: '智能网联汽车技术', level: '本科及以上', headcount: 400, period: '2023—2024年' },
    { org: ZONE, direction: 'demand', field: '模具设计与制造', level: '高职', headcount: 300, period: '2023—2024年' },
  ] as const;
  for (const item of talent) {
    createTalentItem(ctx, talentCreateInput.parse({ organizationId: id(item.org), eventId: event.id, direction: item.direction, field: item.field, level: item.level, headcount: item.headcount, period: item.period }), {
      isSample: true,
    });
  }
}
