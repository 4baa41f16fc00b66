// Driving antd controls in jsdom as a clerk would: open a Select and pick an option by its text, or
// read the options its list shows.
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

/** The titles of the options the open list shows, once it shows at least `atLeast` of them. */
export function shownOptions(atLeast = 1): Promise<(string | null)[]> {
  return waitFor(() => {
    const options = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].map((o) => o.getAttribute('title'));
    if (options.length < atLeast) throw new Error(`the list shows ${options.length} options`);
    return options;
  });
}
