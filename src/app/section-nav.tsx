import { useT } from '../i18n/use-t';

/**
 * Links to every view, in page order: each view is a fragment of the page's address
 * (`#training-cost`), so a link can point at it and Tab reaches every one.
 */
export function SectionNav({ views }: { views: { id: string; title: string }[] }) {
  const { t } = useT();
  return (
    <nav className="section-nav" aria-label={t('nav.label', 'Views on this page')} data-testid="section-nav">
      <ul>
        {views.map((v) => (
          <li key={v.id}>
            <a href={`#${v.id}`}>{v.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
