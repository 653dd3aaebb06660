import { within } from '@testing-library/react';

/** A table's body rows as the user reads them: each row's header cell, then its cells, as text. */
export function bodyRowsText(table: HTMLElement): (string | null)[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [within(row).getByRole('rowheader').textContent, ...within(row).getAllByRole('cell').map((cell) => cell.textContent)]);
}
