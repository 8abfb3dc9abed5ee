import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { formatInteger } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

export interface FacetMenuOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** In a tree (organizations): 0 for a top-level option, 1 for its children… */
  depth?: number;
  /** The option it is part of, said to screen readers ("FAIR, part of Meta"). */
  parentLabel?: string;
  /** Ticked through its parent: shown ticked, not clickable on its own. */
  included?: boolean;
  /** Other names the find box matches (an organization's aliases). */
  keywords?: string;
}

interface Props {
  label: string;
  options: FacetMenuOption[];
  /** Keep it the same function across renders, or every option re-renders. */
  onToggle: (value: string) => void;
  /** Shown as the option's title: what the count means. */
  countHint: string;
  emptyText: string;
}

/**
 * A multi-select as a disclosure: the button says how many are picked, the panel lists checkboxes
 * with how many systems each would leave. Native <details> keeps it keyboard- and screen-reader-
 * friendly; Escape and clicks outside close it.
 */
/** Up to this many options are rendered even while the menu is closed (cheap, and in place at once). */
const EAGER_OPTIONS = 60;
/**
 * A longer list (hundreds of organizations) gets a box to find an option by name and lists at
 * most this many matches (plus every selected option): a filter click then updates a hundred
 * checkboxes and counts, not thousands.
 */
export const LISTED_OPTIONS = 100;

/** Memoized: a facet whose options, ticks and counts did not change is not re-rendered on a click. */
export const FacetMenu = memo(function FacetMenu({ label, options, onToggle, countHint, emptyText }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);
  const panelId = useId();
  const selectedCount = options.filter((o) => o.selected).length;
  // Long option lists (thousands of organizations) are rendered only while the menu is open.
  const [open, setOpen] = useState(false);
  const renderOptions = open || options.length <= EAGER_OPTIONS;
  const { t, locale } = useT();
  const [find, setFind] = useState('');
  const long = options.length > EAGER_OPTIONS;
  const needle = long ? find.trim().toLocaleLowerCase() : '';
  const matching = needle ? findOptions(options, needle) : options;
  // Options ticked or unticked while the menu is open stay listed until it closes, so unticking one
  // found by name does not pull the focused checkbox out from under the keyboard.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const listed =
    matching.length <= LISTED_OPTIONS ? matching : matching.filter((o, i) => i < LISTED_OPTIONS || o.selected || touched.has(o.value));
  const statusId = useId();
  // One toggle for every option, the same across renders (given a stable `onToggle`): an option
  // whose tick and count did not change is not re-rendered, so a filter click does not rewrite
  // every checkbox of every menu.
  const toggle = useCallback(
    (value: string) => {
      if (long) setTouched((prev) => (prev.has(value) ? prev : new Set(prev).add(value)));
      onToggle(value);
    },
    [long, onToggle],
  );

  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const onPointerDown = (e: PointerEvent) => {
      if (details.open && !details.contains(e.target as Node)) details.open = false;
    };
    const onKeyDown = (e: KeyboardEvent) => {
      // Escape in a find box with text clears the text (the browser does); the next one closes the menu.
      if (e.target instanceof HTMLInputElement && e.target.type === 'search' && e.target.value) return;
      if (e.key === 'Escape' && details.open) {
        details.open = false;
        details.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    details.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      details.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <details
      className="facet"
      ref={ref}
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        setOpen(isOpen);
        if (!isOpen) setTouched(new Set());
      }}
    >
      <summary aria-controls={panelId}>
        {label}
        {selectedCount > 0 && <span className="facet-badge">{selectedCount}</span>}
      </summary>
      <fieldset className="facet-panel" id={panelId}>
        <legend className="visually-hidden">{label}</legend>
        {options.length === 0 && <p className="muted">{emptyText}</p>}
        {renderOptions && long && (
          <input
            type="search"
            className="facet-find"
            value={find}
            onChange={(e) => setFind(e.target.value)}
            placeholder={t('filters.find-option', 'Find in {options} options…', { options: formatInteger(options.length, locale) })}
            aria-label={t('filters.find-option-label', 'Find an option of {facet}', { facet: label })}
            aria-describedby={statusId}
            data-testid="facet-find"
          />
        )}

        {renderOptions &&
          listed.map((o) => (
            <FacetOption
              key={o.value}
              value={o.value}
              label={o.label}
              count={o.count}
              selected={o.selected}
              depth={o.depth}
              parentLabel={o.parentLabel}
              included={o.included}
              title={countHint}
              onToggle={toggle}
            />
          ))}
        {renderOptions && long && (
          // One live status line for the find box: how many are listed, or that nothing matches.
          <p
            className="muted facet-note"
            id={statusId}
            role="status"
            data-testid={listed.length < matching.length ? 'facet-more' : undefined}
          >
            {needle && matching.length === 0
              ? t('filters.find-none', 'No option matches “{query}”.', { query: find.trim() })
              : listed.length < matching.length
                ? t('filters.more-options', 'Showing {shown} of {total}: type above to find the others.', {
                    shown: formatInteger(listed.length, locale),
                    total: formatInteger(matching.length, locale),
                  })
                : ''}
          </p>
        )}
      </fieldset>
    </details>
  );
});

/**
 * The options the find box's text names (by label or other names), each with its whole subtree:
 * finding "Google" lists Google DeepMind and DeepMind under it. Options come in tree order.
 */
function findOptions(options: readonly FacetMenuOption[], needle: string): FacetMenuOption[] {
  const out: FacetMenuOption[] = [];
  let underDepth = Infinity;
  for (const o of options) {
    const depth = o.depth ?? 0;
    if (depth <= underDepth) underDepth = Infinity;
    const hit = o.label.toLocaleLowerCase().includes(needle) || (o.keywords?.toLocaleLowerCase().includes(needle) ?? false);
    if (hit || depth > underDepth) out.push(o);
    if (hit && underDepth === Infinity) underDepth = depth;
  }
  return out;
}

/** One checkbox of a menu; re-rendered only when its own tick, count or label changes. */
const FacetOption = memo(function FacetOption({
  value,
  label,
  count,
  selected,
  depth = 0,
  parentLabel,
  included = false,
  title,
  onToggle,
}: FacetMenuOption & { title: string; onToggle: (value: string) => void }) {
  const { t } = useT();
  const className = ['facet-option', count === 0 && !selected ? 'is-empty' : '', included ? 'is-included' : ''].filter(Boolean).join(' ');
  return (
    <label className={className} title={title} data-depth={Math.min(depth, 3)}>
      <input type="checkbox" checked={selected || included} disabled={included} onChange={() => onToggle(value)} />
      <span className="facet-option-label">
        {label}
        {parentLabel && <span className="visually-hidden">{t('filters.part-of', ', part of {parent}', { parent: parentLabel })}</span>}
      </span>
      <span className="facet-count">{count}</span>
    </label>
  );
});
