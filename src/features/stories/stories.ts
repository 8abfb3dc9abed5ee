import type { Translator } from '../../i18n/use-t';
import type { Annotation } from '../../store/annotations-model';
import type { PanelId } from '../../store/panels';
import { DEFAULT_URL_STATE, linkTo, type UrlState, type ViewSettings } from '../../store/url-state';

/*
 * Ready annotation sets that tell the talk's points, each a plain link: the view it needs (a
 * window, a panel to land on) and its annotations in `ann=`, in the reader's language. Every
 * figure a story states is in the dataset or the fact sheet with its source; the texts say where
 * the talk and its source differ.
 */

export interface Story {
  id: string;
  title: string;
  summary: string;
  /** The panel the link lands on. */
  panel: PanelId;
  view?: Partial<ViewSettings>;
  annotations: Annotation[];
}

export function buildStories({ t }: Pick<Translator, 't'>): Story[] {
  return [
    {
      id: 'llama-family',
      title: t('stories.llama.title', 'The LLaMA family in under six weeks'),
      summary: t('stories.llama.summary', 'From LLaMA’s release to Alpaca, Vicuna and Koala, on the timeline of Feb–Apr 2023.'),
      panel: 'timeline',
      view: { timelineZoom: 'wave-2023' },
      annotations: [
        {
          type: 'band',
          panel: 'timeline',
          range: { kind: 'date', from: '2023-02-24', to: '2023-04-03' },
          text: t('stories.llama.band', 'LLaMA to Koala in 38 days'),
        },
        {
          type: 'callout',
          panel: 'timeline',
          anchor: { kind: 'system', id: 'llama-65b' },
          text: t('stories.llama.llama', 'weights for researchers, on request, for non-commercial use'),
        },
        {
          type: 'callout',
          panel: 'timeline',
          anchor: { kind: 'system', id: 'alpaca' },
          text: t('stories.llama.alpaca', 'LLaMA-7B tuned on 52K instructions written by text-davinci-003'),
        },
        {
          type: 'callout',
          panel: 'timeline',
          anchor: { kind: 'system', id: 'vicuna-13b' },
          text: t('stories.llama.vicuna', 'LLaMA-13B tuned on about 70K ShareGPT conversations'),
        },
        {
          type: 'callout',
          panel: 'timeline',
          anchor: { kind: 'system', id: 'koala' },
          text: t('stories.llama.koala', 'LLaMA-13B, 8 A100s for 6 hours'),
        },
      ],
    },
    {
      id: 'gpt3-co2',
      title: t('stories.gpt3.title', 'GPT-3’s CO₂ in flights and brain-years'),
      summary: t(
        'stories.gpt3.summary',
        'Patterson et al.’s 552 t CO₂e for GPT-3, in jet round trips and years of a human brain, against LLaMA-13B’s 23 t.',
      ),
      panel: 'co2',
      annotations: [
        {
          type: 'callout',
          panel: 'co2',
          anchor: { kind: 'system', id: 'gpt-3' },
          text: t('stories.gpt3.gpt3', '≈ 3 round trips SF–NY of a whole jet (180 t each), or 460 passengers’ (1.2 t each)'),
        },
        {
          type: 'callout',
          panel: 'co2',
          anchor: { kind: 'system', id: 'llama-13b' },
          text: t('stories.gpt3.llama', 'about 1/24 of GPT-3’s 552 t, as the talk says'),
        },
        {
          type: 'note',
          panel: 'co2',
          text: t(
            'stories.gpt3.brain',
            'GPT-3’s 1,287 MWh ≈ 7,300 years of a human brain at 20 W (Balasubramanian 2021); at the talk’s 22 W, ≈ 6,700 years.',
          ),
        },
      ],
    },
    {
      id: 'alpaca-cost',
      title: t('stories.alpaca.title', 'Alpaca’s $600 against LLaMA-7B’s 82,432 GPU-hours'),
      summary: t(
        'stories.alpaca.summary',
        'A fine-tune costs hundreds of dollars because the base model’s pre-training, tens of thousands of GPU-hours, is already paid for.',
      ),
      panel: 'training-cost',
      annotations: [
        {
          type: 'callout',
          panel: 'training-cost',
          anchor: { kind: 'system', id: 'alpaca' },
          text: t('stories.alpaca.cost', 'the blog: under $500 of data and under $100 of compute; the talk: $600'),
        },
        {
          type: 'callout',
          panel: 'gpu-hours',
          anchor: { kind: 'system', id: 'llama-7b' },
          text: t('stories.alpaca.llama-7b', 'the pre-training Alpaca starts from, on A100-80GB'),
        },
        {
          type: 'callout',
          panel: 'gpu-hours',
          anchor: { kind: 'system', id: 'alpaca' },
          text: t('stories.alpaca.gpu', '8 A100-80GB for 3 hours'),
        },
      ],
    },
  ];
}

/** A story's link: the bundled view with its settings and annotations, in `language`, landing on its panel. */
export function storyLink(base: string, story: Story, language: UrlState['language']): string {
  const state: UrlState = {
    ...DEFAULT_URL_STATE,
    language,
    view: { ...DEFAULT_URL_STATE.view, ...story.view },
    annotations: story.annotations,
  };
  return `${linkTo(base, state)}#${story.panel}`;
}
