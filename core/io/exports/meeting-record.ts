// A meeting's record (会议记录: the event, agenda, attendance, signings, minutes) and its sign-in sheet
// (签到表) with an empty column for each attendee's signature.
import { AGENDA_KIND_LABELS_ZH, ATTENDANCE_LABELS_ZH, EVENT_TYPE_LABELS_ZH } from '../../contract/codes.js';
import { getEvent } from '../../events/events.js';
import type { ServiceContext } from '../../contract/context.js';
import type { MeetingEvent } from '../../events/contract.js';
import { tableBlocks, type ReportBlock, type ReportDocument } from './document.js';
import { meetingWhen, signInTable, SPARE_SIGN_IN_ROWS } from './lists.js';

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 第二次理事会议 → 第二次理事会议记录, 成立大会 → 成立大会会议记录: never 会议会议. */
export function recordTitle(eventTitle: string): string {
  return eventTitle.endsWith('会议') ? `${eventTitle}记录` : `${eventTitle}会议记录`;
}

function recordBlocks(event: MeetingEvent): ReportBlock[] {
  const facts: ReportBlock[] = [
    { kind: 'paragraph', text: `活动类型：${EVENT_TYPE_LABELS_ZH[event.type]}` },
    { kind: 'paragraph', text: `时间：${meetingWhen(event)}` },
    ...(event.venue ? [{ kind: 'paragraph' as const, text: `地点：${event.venue}` }] : []),
    ...(event.organizers.length ? [{ kind: 'paragraph' as const, text: `主办/承办：${event.organizers.join('、')}` }] : []),
  ];
  const parts: { heading: string; blocks: ReportBlock[] }[] = [];
  if (event.agenda.length) {
    parts.push({
      heading: `议程（${event.agenda.length}项）`,
      blocks: tableBlocks({
        header: ['序号', '环节', '内容', '发言人/单位'],
        sections: [
          {
            rows: event.agenda.map((item, i) => [
              i + 1,
              AGENDA_KIND_LABELS_ZH[item.kind],
              item.title,
              [item.presenterName, item.presenterOrganizationName].filter(Boolean).join('，'),
            ]),
          },
        ],
      }),
    });
  }
  if (event.attendance.length) {
    parts.push({
      heading: `参会单位（${event.attendance.length}家）`,
      blocks: tableBlocks({
        header: ['序号', '单位名称', '参会人员', '出席情况'],
        sections: [{ rows: event.attendance.map((a, i) => [i + 1, a.organizationName, a.person ?? '', ATTENDANCE_LABELS_ZH[a.status]]) }],
      }),
    });
  }
  if (event.agreements.length) {
    parts.push({
      heading: `签约协议（${event.agreements.length}份）`,
      blocks: tableBlocks({
        header: ['序号', '协议编号', '协议名称', '签约各方', '签约代表'],
        sections: [
          {
            rows: event.agreements.map((a, i) => [
              i + 1,
              a.number,
              a.title,
              a.parties.map((p) => p.name).join('、'),
              a.parties.map((p) => p.signatoryName ?? '').filter(Boolean).join('、'),
            ]),
          },
        ],
      }),
    });
  }
  if (event.minutes?.trim()) {
    parts.push({
      heading: '会议纪要',
      blocks: event.minutes
        .split(/\r?\n/)
        .filter((line) => line.trim())
        .map((line) => ({ kind: 'paragraph' as const, text: line.trim() })),
    });
  }
  return [...facts, ...parts.flatMap((part, i) => [{ kind: 'heading' as const, text: `${CHINESE_NUMERALS[i]}、${part.heading}` }, ...part.blocks])];
}

/** The sign-in sheet as blocks; within the record it starts with its own centred title. */
function signInBlocks(ctx: ServiceContext, event: MeetingEvent, withTitle: boolean, spareRows: number): ReportBlock[] {
  const sheet = signInTable(ctx, event, spareRows);
  const table = tableBlocks(sheet, { tall: true });
  // The signature column gets room for a handwritten name whatever the other columns hold.
  for (const block of table) if (block.kind === 'table') block.widths = [5, 34, 10, 14, 22];
  return [...(withTitle ? [{ kind: 'heading' as const, text: sheet.title, align: 'center' as const }, { kind: 'paragraph' as const, text: sheet.subtitle, align: 'center' as const }] : []), ...table];
}

export function meetingDocument(ctx: ServiceContext, id: string, part: 'both' | 'record' | 'signIn', spareRows = SPARE_SIGN_IN_ROWS): ReportDocument {
  const event = getEvent(ctx, id);
  if (part === 'signIn') {
    const sheet = signInTable(ctx, event, spareRows);
    return { title: sheet.title, subtitle: sheet.subtitle, landscape: false, blocks: signInBlocks(ctx, event, false, spareRows) };
  }
  const blocks = recordBlocks(event);
  return {
    title: recordTitle(event.title),
    subtitle: meetingWhen(event),
    landscape: false,
    blocks: part === 'both' ? [...blocks, { kind: 'pageBreak' }, ...signInBlocks(ctx, event, true, spareRows)] : blocks,
  };
}
