import { Fragment } from 'react';

/*
 * A date on screen never breaks across lines ("2023年4 / 月17日"): each date in a text is put in a
 * span that CSS keeps whole (.date, white-space: nowrap). Only the screen does this; the same text
 * in a CSV, SVG or the clipboard stays plain (formatEventDate adds nothing invisible).
 */

/** Dates as formatEventDate writes them: "2023年4月17日", "2023年4月", "Apr 17, 2023", "17 Apr 2023", "Apr 2023". */
const DATE =
  /\d{4}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|[A-Z][a-z]{2,8}\.? \d{4}/g;

/** `text` with every date in it kept on one line. */
export function DateText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(DATE)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(
      <span className="date" key={m.index}>
        {m[0]}
      </span>,
    );
    last = m.index + m[0].length;
  }
  if (parts.length === 0) return <>{text}</>;
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </>
  );
}
