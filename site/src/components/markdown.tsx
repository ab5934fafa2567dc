/** Rule text is untrusted: Markdown is rendered by marked and sanitised by DOMPurify before it is shown. */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** Sanitised HTML of a Markdown text (no scripts, no event handlers, no javascript: links). */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: false }) as string;
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'textarea', 'button', 'iframe', 'img'],
    FORBID_ATTR: ['style'],
  });
}

/** A Markdown block. */
export function Markdown({ text, class: cls }: { text: string; class?: string }) {
  if (!text.trim()) return null;
  // Sanitised by DOMPurify (renderMarkdown).
  return <div class={`md ${cls ?? ''}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />;
}
