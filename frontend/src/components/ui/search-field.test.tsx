import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type FormEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { SearchField } from './search-field';

function Harness({ hint }: { hint?: string }) {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
  };
  const clear = () => {
    setDraft('');
    setQ('');
  };
  return (
    <form role="search" onSubmit={submit}>
      <SearchField
        label="Find a record"
        value={draft}
        onChange={setDraft}
        submitLabel="Search"
        clearLabel="Show all"
        onClear={q ? clear : undefined}
        hint={hint}
      />
      <p role="status">{q || 'everything'}</p>
    </form>
  );
}

describe('SearchField', () => {
  it('should submit what was typed and offer "clear" only while the list is searched', async () => {
    const user = userEvent.setup();
    render(<Harness hint="By key or name" />);

    const input = screen.getByRole('searchbox', { name: 'Find a record' });
    expect(input).toHaveAccessibleDescription('By key or name');
    expect(input).toHaveAttribute('maxlength', '100');
    expect(screen.queryByRole('button', { name: 'Show all' })).not.toBeInTheDocument();

    await user.type(input, ' 4001 {Enter}');
    expect(screen.getByRole('status')).toHaveTextContent('4001');

    await user.click(screen.getByRole('button', { name: 'Show all' }));
    expect(screen.getByRole('status')).toHaveTextContent('everything');
    expect(input).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Show all' })).not.toBeInTheDocument();

    await user.type(input, 'Sara');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByRole('status')).toHaveTextContent('Sara');
  });

  it('should describe the input by nothing when there is no hint', () => {
    render(<Harness />);
    expect(screen.getByRole('searchbox', { name: 'Find a record' })).not.toHaveAttribute('aria-describedby');
  });
});
