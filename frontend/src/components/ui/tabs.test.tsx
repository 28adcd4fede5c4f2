import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Tabs } from './tabs';

function Harness({ dir }: { dir: 'rtl' | 'ltr' }) {
  const [selected, setSelected] = useState('a');
  const tabs = ['a', 'b', 'c'].map((id) => ({ id, label: id.toUpperCase(), panel: <input aria-label={`field ${id}`} /> }));
  return (
    <div dir={dir}>
      <Tabs label="Sections" tabs={tabs} selectedId={selected} onSelect={setSelected} />
    </div>
  );
}

describe('Tabs', () => {
  it('should show only the selected panel and keep what was typed in the others', async () => {
    const user = userEvent.setup();
    render(<Harness dir="ltr" />);

    await user.type(screen.getByRole('textbox', { name: 'field a' }), 'kept');
    await user.click(screen.getByRole('tab', { name: 'B' }));

    expect(screen.getByRole('tab', { name: 'B' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
    expect(screen.queryByRole('textbox', { name: 'field a' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'A' }));
    expect(screen.getByRole('textbox', { name: 'field a' })).toHaveValue('kept');
  });

  it('should move with the arrow keys in reading order when the page is right to left', async () => {
    const user = userEvent.setup();
    render(<Harness dir="rtl" />);

    await user.click(screen.getByRole('tab', { name: 'A' }));
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'B' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'B' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'C' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'A' })).toHaveFocus();
  });
});
