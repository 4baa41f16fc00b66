import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AGREEMENT_TYPES } from '../../core/contract/codes';
import { CodeFilter } from '../../renderer/src/components/CodeFilter';
import { renderWithProviders } from './render';

describe('CodeFilter', () => {
  it('finds a code by the label the clerk types, not by its stored code, then chooses it', async () => {
    const onChange = vi.fn();
    renderWithProviders(<CodeFilter codes={AGREEMENT_TYPES} labelPrefix="agreementType" nameKey="agreements.typeFilter" value={[]} onChange={onChange} />);
    const input = screen.getByLabelText('协议类型');
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: '政企' } });
    const shown = await waitFor(() => {
      const options = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].map((o) => o.getAttribute('title'));
      if (options.length === 0) throw new Error('no options shown');
      return options;
    });
    expect(shown).toEqual(['政企']);
    fireEvent.click(document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="政企"]')!);
    expect(onChange).toHaveBeenCalledWith(['government_enterprise'], expect.anything());
  });
});
