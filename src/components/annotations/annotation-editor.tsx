import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import {
  cleanAnnotationText,
  MAX_ANNOTATION_TEXT,
  MAX_ANNOTATIONS_PER_PANEL,
  PANEL_AXES,
  type Annotation,
} from '../../store/annotations-model';
import type { AnnotationRow } from '../figure/figure-annotations';
import { hiddenLabel, typeLabel, type AnnotationAnchorChoice, type AnnotationsSpec } from './annotation-key';
import './annotations.css';

/*
 * A chart panel's annotation editor, behind its "Annotate" button: add a callout on a model (pick
 * it, or click it on the chart) or at a value/date, a shaded band or a note; edit a text, move an
 * anchor step by step (buttons, so the keyboard does everything the pointer does), delete, undo.
 * Everything lands in the store and so in the link; text is kept as text.
 */

type Kind = 'system' | 'point' | 'band' | 'note';

/** A number as typed: "1e6", "1,000,000", "$1.5M", "300k". NaN when it is not one. */
export function parseAxisNumber(text: string): number {
  const m = /^\$?\s*([0-9][0-9,]*(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?)\s*([kmbt])?$/i.exec(text.trim());
  if (!m) return NaN;
  const scale = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 1;
  return Number(m[1].replace(/,/g, '')) * scale;
}

const DAY_MS = 86_400_000;
const shiftDay = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** One step of a move: the next system drawn, a day (a week with the big step), or a tenth of the value (a doubling). */
function moved(a: Annotation, dir: -1 | 1, big: boolean, anchors: readonly AnnotationAnchorChoice[]): Annotation | null {
  const days = dir * (big ? 7 : 1);
  const factor = (big ? 2 : 1.1) ** dir;
  if (a.type === 'callout') {
    const anchor = a.anchor;
    if (anchor.kind === 'system') {
      const i = anchors.findIndex((c) => c.id === anchor.id);
      const next = anchors[i + dir];
      return i < 0 || !next ? null : { ...a, anchor: { kind: 'system', id: next.id } };
    }
    if (anchor.kind === 'date') return { ...a, anchor: { kind: 'date', date: shiftDay(anchor.date, days) } };
    return { ...a, anchor: { kind: 'value', value: anchor.value * factor } };
  }
  if (a.type === 'band') {
    const r = a.range;
    return r.kind === 'date'
      ? { ...a, range: { kind: 'date', from: shiftDay(r.from, days), to: shiftDay(r.to, days) } }
      : { ...a, range: { kind: 'value', from: r.from * factor, to: r.to * factor } };
  }
  return null;
}

/** The editor for one panel's annotations (the default export: chart-frame loads it when first opened). */
export default function AnnotationEditor({ spec, title, id }: { spec: AnnotationsSpec; title: string; id: string }) {
  return (
    <div id={id} className="annotation-editor-slot">
      <EditorBody spec={spec} title={title} />
    </div>
  );
}

function EditorBody({ spec, title }: { spec: AnnotationsSpec; title: string }) {
  const { t } = useT();
  const all = useAppStore((s) => s.annotations);
  const canUndo = useAppStore((s) => s.annotationsUndo.length > 0);
  const add = useAppStore((s) => s.addAnnotation);
  const update = useAppStore((s) => s.updateAnnotation);
  const remove = useAppStore((s) => s.removeAnnotation);
  const undo = useAppStore((s) => s.undoAnnotation);
  const axes = PANEL_AXES[spec.panel];
  const pointKind = axes.date ? 'date' : 'value';
  const [kind, setKind] = useState<Kind>(spec.anchors.length > 0 ? 'system' : 'note');
  const selectedId = useAppStore((s) => s.selectedId);
  const selectedAnchor = spec.anchors.some((c) => c.id === selectedId) ? selectedId : null;
  const [system, setSystem] = useState(selectedAnchor ?? spec.anchors[0]?.id ?? '');
  // With the pointer: click a bar or a mark (it is selected), and the callout goes on it. Set
  // while rendering, when the selection changes (React's pattern for state that follows a prop).
  const [followed, setFollowed] = useState(selectedAnchor);
  if (selectedAnchor !== followed) {
    setFollowed(selectedAnchor);
    if (selectedAnchor) setSystem(selectedAnchor);
  }
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = useId();
  const mine = all.map((a, index) => ({ a, index })).filter(({ a }) => a.panel === spec.panel);
  const full = mine.length >= MAX_ANNOTATIONS_PER_PANEL;

  const point = (s: string): { kind: 'value'; value: number } | { kind: 'date'; date: string } | null => {
    if (pointKind === 'date') return isDay(s) ? { kind: 'date', date: s } : null;
    const v = parseAxisNumber(s);
    return Number.isFinite(v) && v > 0 ? { kind: 'value', value: v } : null;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = cleanAnnotationText(text);
    if (!clean) return setProblem(t('annotations.problem-text', 'Write the annotation’s text first.'));
    let a: Annotation | null = null;
    if (kind === 'note') a = { type: 'note', panel: spec.panel, text: clean };
    else if (kind === 'system')
      a = system ? { type: 'callout', panel: spec.panel, anchor: { kind: 'system', id: system }, text: clean } : null;
    else if (kind === 'point') {
      const p = point(from);
      a = p ? { type: 'callout', panel: spec.panel, anchor: p, text: clean } : null;
    } else {
      const p = point(from);
      const q = point(to);
      if (p && q && p.kind === 'date' && q.kind === 'date' && p.date < q.date)
        a = { type: 'band', panel: spec.panel, range: { kind: 'date', from: p.date, to: q.date }, text: clean };
      else if (p && q && p.kind === 'value' && q.kind === 'value' && p.value < q.value)
        a = { type: 'band', panel: spec.panel, range: { kind: 'value', from: p.value, to: q.value }, text: clean };
    }
    if (!a)
      return setProblem(
        pointKind === 'date'
          ? t('annotations.problem-date', 'Give a date as YYYY-MM-DD (a band: the first before the last).')
          : t('annotations.problem-value', 'Give a positive number, e.g. 1000000, 1e6 or 1M (a band: the lower first).'),
      );
    if (!add(a))
      return setProblem(t('annotations.problem-full', 'This chart has its {max} annotations already.', { max: MAX_ANNOTATIONS_PER_PANEL }));
    setProblem(null);
    setText('');
  };

  const pointLabel =
    pointKind === 'date' ? t('annotations.date', 'Date (YYYY-MM-DD)') : t('annotations.value', 'Value (in the axis’s unit)');
  return (
    <section className="annotation-editor" aria-label={t('annotations.editor-label', 'Annotations on “{chart}”', { chart: title })}>
      <form onSubmit={submit} className="annotation-form" noValidate>
        <label>
          <span>{t('annotations.kind', 'Add')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="annotation-kind">
            {spec.anchors.length > 0 && <option value="system">{t('annotations.kind-system', 'a callout on a model')}</option>}
            <option value="point">
              {pointKind === 'date'
                ? t('annotations.kind-date', 'a callout at a date')
                : t('annotations.kind-value', 'a callout at a value')}
            </option>
            <option value="band">{t('annotations.kind-band', 'a shaded band')}</option>
            <option value="note">{t('annotations.kind-note', 'a note under the figure')}</option>
          </select>
        </label>
        {kind === 'system' && (
          <label>
            <span>{t('annotations.model', 'Model')}</span>
            <select value={system} onChange={(e) => setSystem(e.target.value)} data-testid="annotation-system">
              {spec.anchors.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {(kind === 'point' || kind === 'band') && (
          <AxisInput
            label={kind === 'band' ? t('annotations.from', 'From') : pointLabel}
            value={from}
            onChange={setFrom}
            date={pointKind === 'date'}
            example={pointKind === 'date' ? '2023-02-24' : '1000000'}
            testId="annotation-from"
          />
        )}
        {kind === 'band' && (
          <AxisInput
            label={t('annotations.to', 'To')}
            value={to}
            onChange={setTo}
            date={pointKind === 'date'}
            example={pointKind === 'date' ? '2023-04-30' : '10000000'}
            testId="annotation-to"
          />
        )}
        <label className="annotation-text">
          <span>{t('annotations.text', 'Text')}</span>
          <input value={text} maxLength={MAX_ANNOTATION_TEXT} onChange={(e) => setText(e.target.value)} data-testid="annotation-text" />
        </label>
        <button type="submit" disabled={full} data-testid="annotation-add">
          {t('annotations.add', 'Add')}
        </button>
        <button type="button" onClick={undo} disabled={!canUndo} data-testid="annotation-undo">
          {t('annotations.undo', 'Undo')}
        </button>
      </form>
      <p className="annotation-hint" id={`${ids}-hint`}>
        {full
          ? t('annotations.problem-full', 'This chart has its {max} annotations already.', { max: MAX_ANNOTATIONS_PER_PANEL })
          : t(
              'annotations.hint',
              'Click a model on the chart to put a callout on it. Up to {max} per chart, {chars} characters each; plain text. They go into the link and every export.',
              {
                max: MAX_ANNOTATIONS_PER_PANEL,
                chars: MAX_ANNOTATION_TEXT,
              },
            )}
      </p>
      {problem && (
        <p className="annotation-problem" role="alert" data-testid="annotation-problem">
          {problem}
        </p>
      )}
      {mine.length > 0 && (
        <ul className="annotation-list" data-testid="annotation-list">
          {mine.map(({ a, index }) => {
            const row = spec.resolved.rows.find((r) => r.index === index);
            return (
              <AnnotationItem
                key={`${index}:${a.text}`}
                annotation={a}
                row={row}
                onText={(next) => update(index, { ...a, text: next })}
                onMove={(dir, big) => {
                  const m = moved(a, dir, big, spec.anchors);
                  if (m) update(index, m);
                }}
                onDelete={() => remove(index)}
                canMove={(dir) => moved(a, dir, false, spec.anchors) !== null}
                onMoveToSelected={
                  selectedAnchor && a.type === 'callout' && a.anchor.kind === 'system' && a.anchor.id !== selectedAnchor
                    ? () => update(index, { ...a, anchor: { kind: 'system', id: selectedAnchor } })
                    : undefined
                }
              />
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** A date or a value on the panel's axis, typed as text (parsed on Add, so nothing typed is lost). */
function AxisInput({
  label,
  value,
  onChange,
  date,
  example,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  date: boolean;
  example: string;
  testId: string;
}) {
  return (
    <label>
      <span>{label}</span>
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        inputMode={date ? undefined : 'decimal'}
        placeholder={example}
        data-testid={testId}
      />
    </label>
  );
}

function AnnotationItem({
  annotation,
  row,
  onText,
  onMove,
  onDelete,
  canMove,
  onMoveToSelected,
}: {
  annotation: Annotation;
  row: AnnotationRow | undefined;
  onText: (text: string) => void;
  onMove: (dir: -1 | 1, big: boolean) => void;
  onDelete: () => void;
  canMove: (dir: -1 | 1) => boolean;
  /** Given when a callout on a system could move to the model selected on the chart. */
  onMoveToSelected?: () => void;
}) {
  const { t } = useT();
  const [draft, setDraft] = useState(annotation.text);
  const commit = () => {
    const clean = cleanAnnotationText(draft);
    if (clean && clean !== annotation.text) onText(clean);
    else setDraft(annotation.text);
  };
  const where = [row?.badge, row?.target].filter(Boolean).join(' ');
  const movable = annotation.type !== 'note';
  return (
    <li className="annotation-item" data-testid="annotation-item">
      <span className="annotation-where">
        {where || typeLabel(t, annotation.type)}
        {row?.hidden && <em> ({hiddenLabel(t, row.hidden)})</em>}
      </span>
      <input
        aria-label={t('annotations.edit-text', 'Text of {where}', { where: where || typeLabel(t, annotation.type) })}
        value={draft}
        maxLength={MAX_ANNOTATION_TEXT}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
          if (e.key === 'Escape') setDraft(annotation.text);
        }}
      />
      {movable && (
        <>
          <button
            type="button"
            aria-label={t('annotations.move-back', 'Move {where} back', { where })}
            title={t('annotations.move-tip', 'Shift: a bigger step')}
            disabled={!canMove(-1)}
            onClick={(e) => onMove(-1, e.shiftKey)}
          >
            ◀
          </button>
          <button
            type="button"
            aria-label={t('annotations.move-on', 'Move {where} on', { where })}
            title={t('annotations.move-tip', 'Shift: a bigger step')}
            disabled={!canMove(1)}
            onClick={(e) => onMove(1, e.shiftKey)}
          >
            ▶
          </button>
        </>
      )}
      {onMoveToSelected && (
        <button type="button" onClick={onMoveToSelected} data-testid="annotation-to-selected">
          {t('annotations.move-to-selected', 'To the selected model')}
        </button>
      )}
      <button type="button" onClick={onDelete} data-testid="annotation-delete">
        {t('annotations.delete', 'Delete')}
      </button>
    </li>
  );
}
