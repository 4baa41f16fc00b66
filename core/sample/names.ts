// Names for the sample alliance. The units the founding article names come first; the rest are
// made-up but plausible, so that the sample reaches the article's counts (10/8/8/38/6/120).
import type { MemberRole, OrganizationCategory } from '../contract/codes.js';

export interface SampleUnit {
  name: string;
  shortName?: string;
  aliases?: string[];
  role?: MemberRole;
  /** A contact the article names, instead of a generated one. */
  contact?: { name: string; title: string };
}

export const GOVERNMENT: SampleUnit[] = [
  { name: '长春市教育局', role: 'lead', shortName: '市教育局' },
  { name: '长春汽车经济技术开发区管理委员会', role: 'lead', shortName: '汽开区', aliases: ['汽开区', '长春汽车经济技术开发区'] },
  { name: '长春市人力资源和社会保障局', role: 'vice_chair', shortName: '市人社局' },
  { name: '长春市发展和改革委员会', role: 'executive_council', shortName: '市发改委' },
  { name: '长春市工业和信息化局', role: 'executive_council', shortName: '市工信局' },
  { name: '长春市科学技术局', role: 'council', shortName: '市科技局' },
  { name: '长春市财政局', role: 'council' },
  { name: '长春市人民政府国有资产监督管理委员会', role: 'council', shortName: '市国资委' },
  { name: '长春市商务局', role: 'council' },
  { name: '长春新区管理委员会', role: 'council', shortName: '长春新区' },
];

export const UNIVERSITIES: SampleUnit[] = [
  { name: '吉林大学', role: 'executive_vice_chair' },
  { name: '长春汽车职业技术大学', role: 'executive_vice_chair', aliases: ['长春汽车工业高等专科学校'] },
  { name: '长春工业大学', role: 'vice_chair' },
  { name: '长春理工大学', role: 'executive_council' },
  { name: '长春大学', role: 'council' },
  { name: '吉林建筑大学', role: 'council' },
  { name: '长春工程学院', role: 'council' },
  { name: '吉林工程技术师范学院', role: 'council' },
];

export const HIGHER_VOCATIONAL: SampleUnit[] = [
  { name: '长春职业技术学院', role: 'vice_chair' },
  { name: '吉林交通职业技术学院', role: 'executive_council' },
  { name: '长春信息技术职业学院', role: 'council' },
  { name: '吉林电子信息职业技术学院', role: 'council' },
  { name: '吉林铁道职业技术学院', role: 'council' },
  { name: '吉林工业职业技术学院', role: 'council' },
  { name: '吉林科技职业技术学院', role: 'council' },
  { name: '长春东方职业学院', role: 'member' },
];

export const RESEARCH: SampleUnit[] = [
  { name: '中国科学院长春分院', role: 'vice_chair', contact: { name: '李冰', title: '研究员' } },
  { name: '中国科学院长春光学精密机械与物理研究所', role: 'executive_council', shortName: '长春光机所' },
  { name: '中国科学院长春应用化学研究所', role: 'council', shortName: '长春应化所' },
  { name: '吉林省汽车工程研究院', role: 'council' },
  { name: '长春市汽车产业研究院', role: 'member' },
  { name: '长春智能网联汽车创新中心', role: 'member' },
];

export const NAMED_ENTERPRISES: SampleUnit[] = [
  { name: '中国第一汽车集团有限公司', role: 'chair', shortName: '中国一汽', aliases: ['一汽集团'] },
  { name: '一汽模具制造有限公司', role: 'vice_chair', shortName: '一汽模具', contact: { name: '薛耀', title: '董事长' } },
];

/** Places that prefix secondary vocational schools' names in and around Changchun. */
export const SCHOOL_PLACES = ['长春市', '朝阳区', '南关区', '宽城区', '二道区', '绿园区', '双阳区', '九台区', '农安县', '榆树市', '德惠市', '公主岭市', '长春新区', '汽开区'];
export const SCHOOL_KINDS = ['职业技术学校', '职业教育中心', '中等专业学校', '汽车工业学校', '技工学校', '机械工业学校'];

export const ENTERPRISE_WORDS = ['富维', '华阳', '金山', '鑫源', '恒通', '启明', '远航', '华翔', '凯达', '博远', '瑞丰', '宏图', '天合', '佳业', '腾达', '盛世', '新锐', '力拓', '精工', '融创', '长兴', '北方', '东风', '吉通'];
export const ENTERPRISE_TRADES = ['汽车零部件', '汽车电子', '精密模具', '汽车座椅', '新能源科技', '智能装备', '汽车物流', '汽车内饰', '铸造', '汽车线束'];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
export const GIVEN_NAMES = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '志强', '海燕', '晓东', '立新', '春雨', '雪梅'];

export const CONTACT_TITLES: Record<OrganizationCategory, string[]> = {
  government: ['处长', '副处长', '科长'],
  university: ['处长', '副院长', '办公室主任'],
  higher_vocational: ['副院长', '处长', '办公室主任'],
  secondary_vocational: ['校长', '副校长', '教务主任'],
  research: ['主任', '研究员', '办公室主任'],
  enterprise: ['总经理', '人力资源部部长', '副总经理'],
  association: ['秘书长'],
  other: ['负责人'],
};
