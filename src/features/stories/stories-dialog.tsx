import { useMemo, useRef, useState } from 'react';
import { Dialog } from '../../components/dialog/dialog';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { pageBase } from '../../store/url-sync';
import type * as StoriesModule from './stories';
import './stories.css';

/**
 * "Stories": ready annotation sets that tell the talk's points, each opened from its link (the
 * same link a reader can copy and send). Opening one replaces what is on screen, as any link does.
 */
export function StoriesButton() {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // The stories' texts load with the dialog's first opening, not with the page.
  const [stories, setStories] = useState<typeof StoriesModule | null>(null);
  const language = useAppStore((s) => s.language);
  const list = useMemo(() => (open && stories ? stories.buildStories({ t }) : []), [open, stories, t]);
  const onOpen = () => {
    setOpen(true);
    if (!stories) void import('./stories').then(setStories);
  };
  return (
    <>
      <button type="button" className="header-button" ref={opener} onClick={onOpen} aria-haspopup="dialog" data-testid="stories-open">
        {t('stories.open', 'Stories')}
      </button>
      <Dialog
        ref={dialog}
        open={open}
        title={t('stories.dialog-title', 'Stories: the talk’s points, annotated')}
        closeLabel={t('stories.close', 'Close')}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
        testId="stories-dialog"
      >
        <p className="muted">
          {t(
            'stories.intro',
            'Each story is a link to a view with its annotations. Opening one replaces the current view; its annotations can then be edited like your own.',
          )}
        </p>
        <ul className="story-list">
          {list.map((s) => (
            <li key={s.id} data-story={s.id}>
              <a href={stories?.storyLink(pageBase(), s, language)} data-testid={`story-${s.id}`}>
                {s.title}
              </a>
              <p>{s.summary}</p>
            </li>
          ))}
        </ul>
      </Dialog>
    </>
  );
}
