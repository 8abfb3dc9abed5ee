import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { Bar, BarChart, XAxis, YAxis } from 'recharts';
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { create } from 'zustand';

/*
 * The floor page: one small recharts BarChart, a 5-row TanStack Table v9 table with sorting and a
 * zustand store — nothing else. It carries the same hooks the benchmark looks for in the
 * dashboard (`[data-chart] svg`, `sort-<field>` buttons, `tbody tr[data-system-id]`, and
 * `<html data-live>` once it answers a click).
 */

interface Row {
  id: string;
  name: string;
  parameters: number;
}

const ROWS: Row[] = [
  { id: 'gpt-3', name: 'GPT-3', parameters: 175e9 },
  { id: 'llama-65b', name: 'LLaMA 65B', parameters: 65e9 },
  { id: 'chinchilla', name: 'Chinchilla', parameters: 70e9 },
  { id: 'opt-175b', name: 'OPT-175B', parameters: 175.1e9 },
  { id: 'bloom-7b1', name: 'BLOOM 7B1', parameters: 7.1e9 },
];

interface FloorState {
  sorting: SortingState;
  setSorting: (sorting: SortingState) => void;
}

const useFloorStore = create<FloorState>()((set) => ({
  sorting: [],
  setSorting: (sorting) => set({ sorting }),
}));

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
const helper = createColumnHelper<typeof features, Row>();
const columns = helper.columns([
  helper.accessor('name', { header: 'Name' }),
  // Numbers largest-first on the first click, as in the dashboard.
  helper.accessor('parameters', { header: 'Parameters', sortDescFirst: true }),
]);

function FloorChart() {
  return (
    <section data-chart="floor">
      <BarChart width={600} height={260} data={ROWS} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <XAxis dataKey="name" />
        <YAxis tickFormatter={(v: number) => `${v / 1e9}B`} />
        <Bar dataKey="parameters" fill="#4477aa" isAnimationActive={false} />
      </BarChart>
    </section>
  );
}

function FloorTable() {
  const sorting = useFloorStore((s) => s.sorting);
  const setSorting = useFloorStore((s) => s.setSorting);
  const table = useTable({
    features,
    columns,
    data: ROWS,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => setSorting(typeof updater === 'function' ? updater(sorting) : updater),
  });
  return (
    <table data-testid="models-table">
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th key={header.id}>
                <button type="button" onClick={header.column.getToggleSortingHandler()} data-testid={`sort-${header.column.id}`}>
                  <table.FlexRender header={header} />
                </button>
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} data-system-id={row.id}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FloorPage() {
  // After the first commit the controls work: say so as the dashboard does, for the benchmark.
  useEffect(() => {
    document.documentElement.dataset.live = '';
  }, []);
  return (
    <main data-view="floor">
      <FloorChart />
      <FloorTable />
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <FloorPage />
  </StrictMode>,
);
