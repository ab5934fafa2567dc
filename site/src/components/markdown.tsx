/**
 * Rule text is untrusted: Markdown is rendered by marked with raw HTML shown as text (never parsed), then
 * sanitised by DOMPurify (javascript: links, anything marked lets through).
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** marked with raw HTML blocks and inline tags rendered as visible text. */
const MARKDOWN = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: { html: ({ text }) => escapeHtml(text) },
});

/** Sanitised HTML of a Markdown text (no scripts, no event handlers, no javascript: links). */
export function renderMarkdown(text: string): string {
  const html = MARKDOWN.parse(text) as string;
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
