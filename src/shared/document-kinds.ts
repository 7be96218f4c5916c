// What a document is: an annual report, or one of the look-alikes reviewers receive by mistake.

/** Whether the document is an annual report or a look-alike sent by mistake. */
export type DocumentKind =
  | 'annual-report'
  | 'work-plan'
  | 'disclosure-report'
  | 'interpretation'
  | 'news'
  | 'article'
  | 'template'
  | 'summary'
  | 'other';

/** Every document kind, the report first. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'annual-report',
  'work-plan',
  'disclosure-report',
  'interpretation',
  'news',
  'article',
  'template',
  'summary',
  'other',
];
