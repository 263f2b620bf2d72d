import '../test-support/dom.js';
import { strict as assert } from 'node:assert';
import { afterEach, test } from 'node:test';
import { cleanup, render, screen } from '@testing-library/react';
import { DataTable, type Column } from './DataTable.js';

afterEach(cleanup);

interface Row {
  id: string;
  name: string;
}

const COLUMNS: (Column<Row> | false)[] = [
  { header: 'Name', rowHeader: true, cell: (row) => row.name },
  { header: 'Id', cell: (row) => row.id },
  false,
  { header: 'Open', hiddenHeader: true, cell: (row) => <button type="button">Open {row.name}</button> },
];
const ROWS = [
  { id: 'a', name: 'Alpha' },
  { id: 'b', name: 'Beta' },
];

test('column headers, row headers and the current row are marked for assistive technology', () => {
  render(<DataTable columns={COLUMNS} rows={ROWS} rowKey={(row) => row.id} currentKey="b" testId="things" />);
  const table = screen.getByTestId('things');
  assert.deepEqual(
    screen.getAllByRole('columnheader').map((th) => [th.textContent, th.getAttribute('scope')]),
    [
      ['Name', 'col'],
      ['Id', 'col'],
      ['Open', 'col'],
    ],
  );
  assert.ok(table.querySelector('thead th:last-child .visually-hidden'), 'the button column names itself');
  assert.deepEqual(
    screen.getAllByRole('rowheader').map((th) => th.textContent),
    ['Alpha', 'Beta'],
  );
  const rows = table.querySelectorAll('tbody tr');
  assert.equal(rows[0]!.getAttribute('aria-current'), null);
  assert.equal(rows[1]!.getAttribute('aria-current'), 'true');
  assert.ok(table.closest('.table-scroll'), 'a wide table scrolls on a narrow screen');
});

test('an empty list says so instead of an empty table, and nothing shows while loading', () => {
  const { rerender, container } = render(
    <DataTable columns={COLUMNS} rows={undefined} rowKey={(row) => row.id} empty="Nothing yet." />,
  );
  assert.equal(container.innerHTML, '');
  rerender(<DataTable columns={COLUMNS} rows={[]} rowKey={(row) => row.id} empty="Nothing yet." />);
  assert.ok(screen.getByText('Nothing yet.'));
  assert.equal(screen.queryByRole('table'), null);
  rerender(<DataTable columns={COLUMNS} rows={[]} rowKey={(row) => row.id} />);
  assert.ok(screen.getByRole('table'), 'without an empty text the headers still show');
});
