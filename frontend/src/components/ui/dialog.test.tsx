import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Button } from './button';
import { Dialog } from './dialog';
import { Tabs } from './tabs';

function Harness() {
  const [isOpen, setIsOpen] = useState(false);
  const [selected, setSelected] = useState('a');
  const tabs = ['a', 'b'].map((id) => ({ id, label: id.toUpperCase(), panel: <input aria-label={`field ${id}`} /> }));
  return (
    <>
      <Button onClick={() => setIsOpen(true)}>Open</Button>
      {isOpen && (
        <Dialog title="Settings" onClose={() => setIsOpen(false)} actions={<Button onClick={() => setIsOpen(false)}>Close</Button>}>
          <Tabs label="Sections" tabs={tabs} selectedId={selected} onSelect={setSelected} />
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('should keep Tab and Shift+Tab inside the dialog when at its last or first element', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Open' }));

    expect(screen.getByRole('tab', { name: 'A' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'field a' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('tab', { name: 'A' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
  });

  it('should wrap to the selected tab, not a tab out of the order nor a hidden panel, when another tab is selected', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(screen.getByRole('tab', { name: 'B' }));

    screen.getByRole('button', { name: 'Close' }).focus();
    await user.tab();
    expect(screen.getByRole('tab', { name: 'B' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
  });

  it('should close on Escape and give focus back to the button that opened it', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });
});
