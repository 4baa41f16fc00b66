// Driving antd controls in jsdom as a clerk would: open a Select and pick an option by its text.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

export async function chooseOption(label: string, option: string): Promise<void> {
  const select = screen.getByLabelText(label);
  fireEvent.mouseDown(select);
  const dropdown = await waitFor(() => {
    const open = document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    if (!open) throw new Error('no dropdown open');
    return open as HTMLElement;
  });
  fireEvent.click(within(dropdown).getByTitle(option));
}
