import type { ReactNode } from 'react';

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
/** Punctuation that ends a sentence rather than the link ("…at https://x.test/a."). */
const TRAILING = /[.,;:!?)\]]+$/;

/**
 * Plain text with its web addresses made into links, built as React nodes (never innerHTML), so a
 * message can contain nothing but text and `http(s)` links.
 */
export function linkify(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, '');
    const start = match.index;
    if (start > last) nodes.push(text.slice(last, start));
    nodes.push(
      <a key={start} href={url} rel="noreferrer noopener">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

export function LinkifiedText({ text }: { text: string }) {
  return <>{linkify(text)}</>;
}
