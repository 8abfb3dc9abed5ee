import { useT } from '../../i18n/use-t';
import type { Annotation, AnnotationPanel } from '../../store/annotations-model';
import type { AnnotationRow, ResolvedAnnotations } from '../figure/figure-annotations';
import './annotations.css';

/*
 * What every chart panel shows of its annotations, loaded with it: the key under the figure (what
 * the exports print as notes), the annotations' table in "Show data", and the Annotate button. The
 * editor itself (annotation-editor.tsx) loads when the button is first pressed.
 */

export interface AnnotationAnchorChoice {
  id: string;
  name: string;
}

export interface AnnotationsSpec {
  panel: AnnotationPanel;
  resolved: ResolvedAnnotations;
  /** The systems drawn, in order: what a callout can be anchored to, and the steps a move takes. */
  anchors: readonly AnnotationAnchorChoice[];
}

/** The key under a screen figure: one line per callout and band, the notes, and what is hidden. */
export function AnnotationKey({ spec }: { spec: AnnotationsSpec }) {
  const { t } = useT();
  if (spec.resolved.rows.length === 0) return null;
  return (
    <div className="annotation-key" data-testid={`annotations-${spec.panel}`}>
      <h3 className="visually-hidden">{t('annotations.key-heading', 'Annotations')}</h3>
      <ul>
        {spec.resolved.notes.map((n, i) => (
          <li key={i}>{n.text}</li>
        ))}
      </ul>
    </div>
  );
}

/** The rows of the panel's data table for its annotations. */
export function AnnotationTable({ rows }: { rows: readonly AnnotationRow[] }) {
  const { t } = useT();
  if (rows.length === 0) return null;
  return (
    <table className="data-table chart-data annotation-table" data-testid="annotation-table">
      <caption>{t('annotations.key-heading', 'Annotations')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('annotations.col-badge', 'Mark')}</th>
          <th scope="col">{t('annotations.col-type', 'Type')}</th>
          <th scope="col">{t('annotations.col-target', 'Anchored to')}</th>
          <th scope="col">{t('annotations.col-text', 'Text')}</th>
          <th scope="col">{t('annotations.col-shown', 'Drawn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.index}>
            <td>{r.badge}</td>
            <td>{typeLabel(t, r.type)}</td>
            <td>{r.target}</td>
            <td>{r.text}</td>
            <td>{r.hidden ? hiddenLabel(t, r.hidden) : t('annotations.shown', 'yes')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type T = ReturnType<typeof useT>['t'];

export function typeLabel(t: T, type: Annotation['type']): string {
  return type === 'callout'
    ? t('annotations.type-callout', 'callout')
    : type === 'band'
      ? t('annotations.type-band', 'shaded band')
      : t('annotations.type-note', 'note');
}

export function hiddenLabel(t: T, reason: NonNullable<AnnotationRow['hidden']>): string {
  return reason === 'not-in-view'
    ? t('annotations.hidden-row-not-in-view', 'no: its model is not in view')
    : t('annotations.hidden-row-outside', 'no: outside the chart’s axis');
}

/** The "Annotate" toggle: opens the panel's editor (`editorId`), says how many annotations it has. */
export function AnnotateButton({
  spec,
  open,
  onToggle,
  editorId,
}: {
  spec: AnnotationsSpec;
  open: boolean;
  onToggle: () => void;
  editorId: string;
}) {
  const { t, tn } = useT();
  const count = spec.resolved.rows.length;
  return (
    <button
      type="button"
      className="annotate-toggle"
      aria-expanded={open}
      aria-controls={editorId}
      data-testid={`annotate-${spec.panel}`}
      onClick={onToggle}
    >
      {count > 0 ? tn('annotations.toggle-count', count, 'Annotate ({count})', 'Annotate ({count})') : t('annotations.toggle', 'Annotate')}
    </button>
  );
}
