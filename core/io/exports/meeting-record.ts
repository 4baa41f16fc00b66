// A meeting's record (会议记录: the event, agenda, attendance, signings, minutes) and its sign-in sheet
// (签到表) with an empty column for each attendee's signature.
import { AGENDA_KIND_LABELS_ZH, ATTENDANCE_LABELS_ZH, EVENT_TYPE_LABELS_ZH } from '../../contract/codes.js';
import { getEvent } from '../../events/events.js';
import type { ServiceContext } from '../../contract/context.js';
import type { MeetingEvent } from '../../events/contract.js';
import { tableBlocks, type ReportBlock, type ReportDocument } from './document.js';

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Blank lines on a sign-in sheet when no attendance was planned, to be filled in by hand. */
const BLANK_SIGN_IN_ROWS = 20;
/** An ideographic space, as Chinese documents separate a date from a place. */
const GAP = '\u3000';

function when(event: MeetingEvent): string {
  const time = [event.startTime, event.endTime].filter(Boolean).join('—');
  return [event.date, time].filter(Boolean).join(' ');
}

function recordBlocks(event: MeetingEvent): ReportBlock[] {
  const facts: ReportBlock[] = [
    { kind: 'paragraph', text: `活动类型：${EVENT_TYPE_LABELS_ZH[event.type]}` },
    { kind: 'paragraph', text: `时间：${when(event)}` },
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

function signInBlocks(event: MeetingEvent, withTitle: boolean): ReportBlock[] {
  const rows: (string | number)[][] = event.attendance.length
    ? event.attendance.map((a, i) => [i + 1, a.organizationName, a.person ?? '', '', ''])
    : Array.from({ length: BLANK_SIGN_IN_ROWS }, (_, i) => [i + 1, '', '', '', '']);
  const table = tableBlocks({ header: ['序号', '单位名称', '姓名', '职务', '签名'], sections: [{ rows }] }, { tall: true });
  // The signature column gets room for a handwritten name whatever the other columns hold.
  for (const block of table) if (block.kind === 'table') block.widths = [5, 36, 10, 12, 24];
  return [...(withTitle ? [{ kind: 'heading' as const, text: `${event.title}签到表` }, { kind: 'paragraph' as const, text: `${when(event)}${GAP}${event.venue ?? ''}` }] : []), ...table];
}

export function meetingDocument(ctx: ServiceContext, id: string, part: 'both' | 'record' | 'signIn'): ReportDocument {
  const event = getEvent(ctx, id);
  if (part === 'signIn') {
    return { title: `${event.title}签到表`, subtitle: `${when(event)}${GAP}${event.venue ?? ''}`.trim(), landscape: false, blocks: signInBlocks(event, false) };
  }
  const blocks = recordBlocks(event);
  return {
    title: `${event.title}会议记录`,
    subtitle: when(event),
    landscape: false,
    blocks: part === 'both' ? [...blocks, { kind: 'pageBreak' }, ...signInBlocks(event, true)] : blocks,
  };
}
