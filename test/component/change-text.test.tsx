// The history in the clerk's words: every code of every enum field has its name in both languages,
// and a change reads as labels and names, never as internal codes or ids.
import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../core/contract/fields';
import { CODE_NAMESPACES, describeChange } from '../../renderer/src/history/change-text';
import { FIELD_MODELS, type FieldModelName } from '../../renderer/src/i18n/field-labels';
import { switchLanguage } from '../../renderer/src/i18n';

const t = i18next.t.bind(i18next) as unknown as TFunction;

describe('changes in the clerk’s words', () => {
  it('names every code of every enum field, in Chinese and in English', async () => {
    for (const language of ['zh', 'en'] as const) {
      await switchLanguage(language);
      for (const [model, fields] of Object.entries(FIELD_MODELS) as [FieldModelName, Record<string, FieldSpec>][]) {
        for (const [field, spec] of Object.entries(fields)) {
          if (spec.kind !== 'enum' || spec.access === 'system') continue;
          const namespace = CODE_NAMESPACES[model][field];
          expect(namespace, `${model}.${field}`).toBeTruthy();
          for (const code of Object.keys(spec.labelsZh ?? {})) {
            const name = i18next.t(`${namespace}.${code}`);
            expect(name, `${language} ${namespace}.${code}`).not.toBe(`${namespace}.${code}`);
            if (language === 'zh') expect(name).toBe(spec.labelsZh![code]);
          }
        }
      }
    }
    await switchLanguage('zh');
  });

  it('reads an agreement signed and a member renamed by their labels and names', () => {
    const signed = describeChange(t, {
      entity: 'agreement',
      action: 'update',
      before: { status: 'draft', signedDate: null, eventId: null, eventTitle: null, tags: [] },
      after: { status: 'signed', signedDate: '2026-11-20', eventId: 'e1', eventTitle: '签约仪式', tags: ['订单培养'] },
    });
    expect(signed.map((c) => `${c.label}：${c.before} → ${c.after}`)).toEqual(['签署状态：拟签 → 已签署', '签订日期：— → 2026-11-20', '签约活动：— → 签约仪式', '合作内容标签：— → 订单培养']);
    const member = describeChange(t, {
      entity: 'organization',
      action: 'update',
      before: { role: 'member', contacts: [{ name: '张敏' }], updatedAt: 'a' },
      after: { role: 'council', contacts: [{ name: '张敏' }, { name: '李强' }], updatedAt: 'b' },
    });
    expect(member.map((c) => `${c.label}：${c.before} → ${c.after}`)).toEqual(['联合体职务：成员单位 → 理事单位', '联系人：张敏 → 张敏、李强']);
  });
});
