import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AGREEMENT_TYPES, MEMBER_ROLES } from '../../core/contract/codes';
import { CodeFilter } from '../../renderer/src/components/CodeFilter';
import { shownOptions } from './antd';
import { renderWithProviders } from './render';

describe('CodeFilter', () => {
  it('finds a code by the label the clerk types, not by its stored code, then chooses it', async () => {
    const onChange = vi.fn();
    renderWithProviders(<CodeFilter codes={AGREEMENT_TYPES} labelPrefix="agreementType" nameKey="agreements.typeFilter" value={[]} onChange={onChange} />);
    const input = screen.getByLabelText('协议类型');
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: '政企' } });
    expect(await shownOptions()).toEqual(['政企']);
    fireEvent.click(document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="政企"]')!);
    expect(onChange).toHaveBeenCalledWith(['government_enterprise'], expect.anything());
  });

  it('lists a label typed whole first, so Enter chooses 理事单位 and not 常务理事单位 above it', async () => {
    renderWithProviders(<CodeFilter codes={MEMBER_ROLES} labelPrefix="role" nameKey="members.roleFilter" value={[]} onChange={vi.fn()} />);
    const input = document.querySelector('input[role=combobox]') as HTMLInputElement;
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: '理事单位' } });
    const shown = await shownOptions(2);
    expect(shown[0]).toBe('理事单位');
    expect(shown).toContain('常务理事单位');
  });

  it('shows the first chosen value and counts the rest, naming them on hover', () => {
    renderWithProviders(<CodeFilter codes={AGREEMENT_TYPES} labelPrefix="agreementType" nameKey="agreements.typeFilter" value={['school_enterprise', 'government_enterprise', 'school_school']} onChange={vi.fn()} />);
    const tags = [...document.querySelectorAll('.ant-select-selection-item')].map((t) => t.textContent);
    expect(tags).toEqual(['校企', '+2']);
    expect(document.querySelector('.ant-select-selection-item span[title]')?.getAttribute('title')).toBe('政企、校校');
  });
});
