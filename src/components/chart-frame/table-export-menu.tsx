import { useMemo, type ReactNode, type RefObject } from 'react';
import type { Dataset } from '../../data/schema';
import { useT } from '../../i18n/use-t';
import { buildTablesSvg, type ExportTable } from '../../lib/export-panel';
import { describeFilters } from '../../selectors/filter-summary';
import { ExportMenu, exportFooter, type CsvSpec } from './export-menu';
import { useViewFilters } from '../../store/view-filters';

interface Props {
  panelId: string;
  dataset: Dataset;
  sectionRef: RefObject<HTMLElement | null>;
  title: string;
  /** Defaults to the active filters in words, as a chart's subtitle. */
  subtitle?: string;
  description?: string;
  /** Built when exporting, from the same cells the panel renders. */
  tables: () => ExportTable[];
  notes: () => string[];
  /** What the image says when there is no table (e.g. nothing picked to compare). */
  empty?: string;
  /** The image may grow past the panel's width, up to this, while the tables want it (buildTablesSvg). */
  maxWidth?: number;
  csv: () => CsvSpec;
  children?: ReactNode;
}

/** The Export menu of a table panel: the same menu, files and names as a chart's. */
export function TableExportMenu({
  panelId,
  dataset,
  sectionRef,
  title,
  subtitle,
  description = '',
  tables,
  notes,
  empty,
  maxWidth,
  csv,
  children,
}: Props) {
  const { t, locale } = useT();
  const filters = useViewFilters();
  const filterText = useMemo(() => describeFilters(filters, dataset, t, locale), [filters, dataset, t, locale]);
  const build = (keepTheme: boolean) => {
    const section = sectionRef.current;
    if (!section) throw new Error('panel not mounted');
    return buildTablesSvg(section, {
      title,
      subtitle: subtitle ?? filterText,
      description,
      tables: tables(),
      empty,
      maxWidth,
      notes: notes(),
      footer: exportFooter(t, locale, dataset.meta.asOf),
      keepTheme,
    });
  };
  return (
    <ExportMenu panelId={panelId} dataset={dataset} filters={filters} title={title} build={build} csv={csv}>
      {children}
    </ExportMenu>
  );
}
