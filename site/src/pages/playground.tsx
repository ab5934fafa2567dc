/**
 * The playground (its own chunk: CodeMirror + the compiler). Edit a Sigma rule; diagnostics from the real
 * loader and checks appear inline with line numbers, every target's query updates live, pasted JSON lines
 * run through the engine. The rule text lives compressed in the URL, so a link shares the whole state.
 */
import { yaml } from '@codemirror/lang-yaml';
import { type Diagnostic as CmDiagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SiteDiagnostic } from '../../../src/site/types.js';
import { DiagnosticList, QueryTabs } from '../components/queries.js';
import { MatchTable } from '../components/try-it.js';
import { analyse, parseEventLines, runEvents } from '../core.js';
import type { Route } from '../route.js';
import { packText, unpackText } from '../share.js';

/** The rule the playground opens with. */
export const EXAMPLE_RULE = `title: Installer Spawns PowerShell
id: 5b1f3c1e-0d7a-4f7e-9d7e-2f1a7d9c0b11
status: experimental
description: An installer or updater starts PowerShell, as trojanized installers do.
author: you
date: 2026-01-01
tags:
  - attack.initial-access
  - attack.t1195.002
logsource:
  category: process_creation
  product: windows
detection:
  selection:
    ParentImage|endswith:
      - '\\setup.exe'
      - '\\update.exe'
    Image|endswith: '\\powershell.exe'
  condition: selection
level: high
`;

const EXAMPLE_EVENTS = [
  '{"ParentImage":"C:\\\\Users\\\\bob\\\\Downloads\\\\setup.exe","Image":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe","CommandLine":"powershell -enc AAAA"}',
  '{"ParentImage":"C:\\\\Windows\\\\explorer.exe","Image":"C:\\\\Windows\\\\System32\\\\cmd.exe"}',
].join('\n');

/** Sizes and fonts inside the shadow root (the page's stylesheet does not reach it). */
const EDITOR_THEME = EditorView.theme({
  // No inner scrolling (the editor grows, long lines wrap): a scroll box would need its own tab stop.
  '&': { fontSize: '0.85rem', minHeight: '20rem', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
  '.cm-gutters': { backgroundColor: '#f4f6f8', color: '#525a64' },
});

function toCm(view: EditorView, list: readonly SiteDiagnostic[]): CmDiagnostic[] {
  const doc = view.state.doc;
  const pos = (line: number, col: number) => {
    const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
    return Math.min(l.from + Math.max(col - 1, 0), l.to);
  };
  return list.map((d) => {
    const from = pos(d.line, d.column);
    // A span over many lines (a whole document) underlines only its first line.
    const to =
      d.endLine > d.line
        ? doc.line(Math.min(Math.max(d.line, 1), doc.lines)).to
        : Math.max(from, pos(d.endLine, d.endColumn));
    const severity = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info';
    return { from, to, severity, message: `${d.code} ${d.message}` };
  });
}

function useEditor(host: { current: HTMLDivElement | null }, initial: string | undefined, onText: (t: string) => void) {
  const [view, setView] = useState<EditorView>();
  useEffect(() => {
    if (initial === undefined || !host.current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // In a shadow root CodeMirror's styles go to adoptedStyleSheets; on the document they would be a <style>
    // element, which the CSP (style-src 'self', no inline) blocks.
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const v = new EditorView({
      doc: initial,
      root: shadow,
      parent: shadow,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-label': 'Sigma rule (YAML) editor' }),
        EDITOR_THEME,
        EditorView.lineWrapping,
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          clearTimeout(timer);
          timer = setTimeout(() => onText(u.state.doc.toString()), 200);
        }),
      ],
    });
    setView(v);
    return () => v.destroy();
  }, [initial === undefined]);
  return view;
}

/** The playground page. */
export default function Playground({ route }: { route: Route }) {
  const [initial, setInitial] = useState<string>();
  const [text, setText] = useState('');
  const [loadProblem, setLoadProblem] = useState('');
  const [events, setEvents] = useState(EXAMPLE_EVENTS);
  const [tab, setTab] = useState<{ name?: string; option: number }>({
    name: route.params.get('tab') ?? undefined,
    option: 0,
  });
  const [ruleIndex, setRuleIndex] = useState(0);
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const packed = route.params.get('r');
    const start = (t: string) => {
      setInitial(t);
      setText(t);
    };
    const packedEvents = route.params.get('e');
    if (packedEvents)
      unpackText(packedEvents).then(setEvents, () => setLoadProblem('The events in this link are damaged.'));
    if (!packed) return start(EXAMPLE_RULE);
    unpackText(packed).then(start, () => {
      setLoadProblem('The rule in this link is damaged; showing the example rule instead.');
      start(EXAMPLE_RULE);
    });
  }, []);
  const view = useEditor(host, initial, setText);
  const analysis = useMemo(() => (text ? analyse(text) : undefined), [text]);
  useEffect(() => {
    if (view && analysis) view.dispatch(setDiagnostics(view.state, toCm(view, analysis.diagnostics)));
    if (!text) return;
    // The rule, the events (unless they are the example) and the tab: the whole state, shareable as a link.
    Promise.all([packText(text), events === EXAMPLE_EVENTS ? '' : packText(events)]).then(([r, e]) => {
      const p = new URLSearchParams({ r, ...(e ? { e } : {}), ...(tab.name ? { tab: tab.name } : {}) });
      history.replaceState(null, '', `#/playground?${p.toString()}`);
    });
  }, [analysis, view, tab.name, events]);
  const current = analysis?.rules[Math.min(ruleIndex, Math.max(0, (analysis?.rules.length ?? 1) - 1))];
  return (
    <div class="playground">
      <h1>Playground</h1>
      <p>
        Edit a Sigma rule: the checks, every target's query and the matches update as you type. Everything runs in your
        browser; the link in the address bar holds the rule, so you can share it.
      </p>
      {loadProblem ? <p class="callout error">{loadProblem}</p> : null}
      <div class="pg-grid">
        <div class="pg-editor">
          <h2 id="editor-h">Rule</h2>
          <div ref={host} class="editor" />
          <h3>Diagnostics</h3>
          {analysis && analysis.diagnostics.length === 0 ? <p class="pass">No findings.</p> : null}
          <div aria-live="polite" id="pg-diags">
            {analysis ? <DiagnosticList items={analysis.diagnostics} label="Diagnostics" /> : null}
          </div>
        </div>
        <div class="pg-out">
          <h2>Queries</h2>
          {analysis && analysis.rules.length > 1 ? (
            <label>
              Rule{' '}
              <select
                value={String(ruleIndex)}
                onChange={(e) => setRuleIndex(Number((e.target as HTMLSelectElement).value))}
              >
                {analysis.rules.map((r, i) => (
                  <option value={String(i)} key={r.title}>
                    {r.title}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {current ? (
            <QueryTabs
              targets={current.targets}
              tab={tab.name}
              option={tab.option}
              onChange={(name, option) => setTab({ name, option })}
              fileBase="playground"
              idPrefix="pq"
            />
          ) : (
            <p class="muted">No detection rule could be built from the text; see the diagnostics.</p>
          )}
          <h2>Events</h2>
          <Events analysis={analysis} text={events} setText={setEvents} />
        </div>
      </div>
    </div>
  );
}

function Events(props: {
  analysis: ReturnType<typeof analyse> | undefined;
  text: string;
  setText: (t: string) => void;
}) {
  const { analysis, text } = props;
  const logsource = useMemo(() => {
    const d = analysis?.ruleSet.detections[0];
    const out: Record<string, string> = {};
    if (d) for (const [k, v] of Object.entries(d.logsource)) if (typeof v === 'string') out[k] = v;
    return out;
  }, [analysis]);
  const parsed = useMemo(() => parseEventLines(text, logsource), [text, logsource]);
  const result = useMemo(() => (analysis ? runEvents(analysis.ruleSet, parsed.events) : undefined), [analysis, parsed]);
  return (
    <>
      <label for="pg-events">Log lines (JSON, one per line; flat objects use the rule's log source)</label>
      <textarea
        id="pg-events"
        rows={5}
        spellcheck={false}
        value={text}
        onInput={(e) => props.setText((e.target as HTMLTextAreaElement).value)}
      />
      <DiagnosticList
        items={parsed.problems.map((p, i) => ({
          line: i + 1,
          column: 1,
          endLine: i + 1,
          endColumn: 1,
          severity: 'error',
          code: 'JSON',
          check: 'events',
          message: p,
        }))}
        label="Event problems"
      />
      {result ? <MatchTable events={parsed.events} result={result} /> : null}
    </>
  );
}
