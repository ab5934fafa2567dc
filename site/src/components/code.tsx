/** Highlighted code (Prism; unknown languages fall back to plain escaped text) with a copy button. */
import Prism from 'prismjs';
import 'prismjs/components/prism-sql';
import 'prismjs/components/prism-yaml';
import 'prismjs/components/prism-json';
import 'prismjs/components/prism-kusto';
import 'prismjs/components/prism-splunk-spl';
import { useState } from 'preact/hooks';

/** Prism grammar names for the `highlight` names targets declare. */
const ALIASES: Readonly<Record<string, string>> = {
  kql: 'kusto',
  spl: 'splunk-spl',
  yml: 'yaml',
  esql: 'sql',
  aql: 'sql',
};

/** The Prism grammar for a highlight name, or undefined (plain text). */
export function grammarOf(name: string): string | undefined {
  const lang = ALIASES[name] ?? name;
  return Prism.languages[lang] ? lang : undefined;
}

/** Highlighted HTML of code; Prism escapes the text, so rule content cannot inject markup. */
export function highlight(code: string, name: string): string {
  const lang = grammarOf(name);
  if (!lang) return code.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return Prism.highlight(code, Prism.languages[lang], lang);
}

/** A code block. */
export function Code({ code, lang, label }: { code: string; lang: string; label: string }) {
  const g = grammarOf(lang);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region must be reachable by keyboard
    <section class="code-block" tabIndex={0} aria-label={label}>
      <pre class={`code language-${g ?? 'plain'}`}>
        {/* Prism output is escaped text plus spans (see highlight) */}
        <code dangerouslySetInnerHTML={{ __html: highlight(code, lang) }} />
      </pre>
    </section>
  );
}

/** Copies text to the clipboard; shows a copied state (also when the clipboard API is refused). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button type="button" class="btn" onClick={copy} aria-label={label} data-state={state}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text' : 'Copy'}
      <span class="sr-only" aria-live="polite">
        {state === 'copied' ? 'copied to the clipboard' : ''}
      </span>
    </button>
  );
}

/** Offers a text as a file download (a Blob URL: no server needed). */
export function download(name: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
