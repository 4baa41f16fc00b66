// The sample's cooperation projects: what three of the founding congress's agreements led to, with
// plausible figures from 2023 on, so the sample's projects page and yearly figures are not empty.
import type { ServiceContext } from '../contract/context.js';
import { projectCreateInput } from '../projects/contract.js';
import { createProject } from '../projects/projects.js';

const PROJECTS = [
  {
    agreement: '校企合作战略协议（模具人才订单培养）',
    name: '一汽模具订单班',
    kind: 'order_class',
    startDate: '2023-09-01',
    figures: [
      { year: 2023, studentsEnrolled: 40, interns: 0, hires: 0 },
      { year: 2024, studentsEnrolled: 42, interns: 38, hires: 0 },
      { year: 2025, studentsEnrolled: 45, interns: 40, hires: 36 },
    ],
  },
  {
    agreement: '校企合作战略协议（汽车零部件产业学院）',
    name: '汽车零部件产业学院',
    kind: 'industry_college',
    startDate: '2023-10-15',
    figures: [
      { year: 2023, basesBuilt: 1, trainees: 120 },
      { year: 2024, trainees: 360, studentsEnrolled: 150 },
      { year: 2025, trainees: 420, studentsEnrolled: 160, hires: 52 },
    ],
  },
  {
    agreement: '科教融汇战略合作协议',
    name: '轻量化材料联合技术攻关',
    kind: 'tech_research',
    startDate: '2024-03-01',
    endDate: '2025-12-31',
    figures: [
      { year: 2024, serviceContractYuan: 800_000 },
      { year: 2025, serviceContractYuan: 1_500_000 },
    ],
  },
];

export function loadSampleProjects(ctx: ServiceContext): void {
  for (const { agreement, figures, ...project } of PROJECTS) {
    const agreementId = ctx.sqlite.prepare('SELECT id FROM agreements WHERE title = ? AND is_sample = 1').pluck().get(agreement) as string | undefined;
    if (!agreementId) continue;
    createProject(ctx, projectCreateInput.parse({ ...project, agreementId, figures }), { isSample: true });
  }
}
