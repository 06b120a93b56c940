// A small Markdown reader for the server's drafted reports: headings, lists,
// tables, paragraphs, **bold**. It builds React elements (no innerHTML).
// Figures the caller can trace (`figures`) become buttons in the text.
import { Fragment, type ReactNode } from 'react';

/** A figure printed in the text and what opens its source. */
export interface FigureLink {
  text: string;
  label: string;
  open: () => void;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits plain text at the figures, which must stand alone (not inside a longer number or word). */
function withFigures(text: string, links: FigureLink[], key: string): ReactNode {
  if (!links.length) return text;
  const sorted = [...links].sort((a, b) => b.text.length - a.text.length);
  const re = new RegExp(`(?<![\\p{L}\\d,.])(${sorted.map((l) => escape(l.text)).join('|')})(?![\\p{L}\\d])`, 'gu');
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const link = sorted.find((l) => l.text === m[1])!;
    out.push(text.slice(last, m.index));
    out.push(
      <button type="button" key={`${key}-${m.index}`} className="trace-link" onClick={link.open} aria-label={link.label}>
        {m[1]}
      </button>,
    );
    last = m.index! + m[1].length;
  }
  out.push(text.slice(last));
  return out;
}

function inline(text: string, key: string, links: FigureLink[] = []): ReactNode {
  const parts = text.split(/(\*\*[^*]+\*\*)/g);
  return (
    <Fragment key={key}>
      {parts.map((p, i) =>
        p.startsWith('**') && p.endsWith('**') && p.length > 4 ? (
          <strong key={i}>{withFigures(p.slice(2, -2), links, `${key}.${i}`)}</strong>
        ) : (
          <Fragment key={i}>{withFigures(p, links, `${key}.${i}`)}</Fragment>
        ),
      )}
    </Fragment>
  );
}

/** `figures(block)`: the traceable figures of one paragraph, list item or table row. */
export function Markdown({ source, figures }: { source: string; figures?: (block: string) => FigureLink[] }) {
  const linksOf = (block: string) => figures?.(block) ?? [];
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const out: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      const level = Math.min(h[1].length + 1, 6);
      const Tag = `h${level}` as 'h2';
      out.push(<Tag key={i}>{inline(h[2], `h${i}`)}</Tag>);
      i++;
      continue;
    }
    if (/^\s*[-*]\s+/.test(line)) {
      const items: ReactNode[] = [];
      while (i < lines.length && /^\s*[-*]\s+/.test(lines[i])) {
        const item = lines[i].replace(/^\s*[-*]\s+/, '');
        items.push(<li key={i}>{inline(item, `li${i}`, linksOf(item))}</li>);
        i++;
      }
      out.push(<ul key={`ul${i}`}>{items}</ul>);
      continue;
    }
    if (line.trim().startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].trim().startsWith('|')) {
        const cells = lines[i].trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
        if (!cells.every((c) => /^:?-{2,}:?$/.test(c))) rows.push(cells);
        i++;
      }
      const [head, ...body] = rows;
      out.push(
        <div className="md-table-wrap" key={`t${i}`}>
          <table className="md-table">
            {head && (
              <thead>
                <tr>
                  {head.map((c, j) => (
                    <th key={j}>{inline(c, `th${j}`)}</th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {body.map((r, k) => {
                const links = linksOf(r.join(' | '));
                return (
                  <tr key={k}>
                    {r.map((c, j) => (
                      <td key={j}>{inline(c, `td${j}`, links)}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>,
      );
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() && !/^(#{1,6}\s|\s*[-*]\s|\s*\|)/.test(lines[i])) {
      para.push(lines[i]);
      i++;
    }
    const text = para.join(' ');
    out.push(<p key={`p${i}`}>{inline(text, `p${i}`, linksOf(text))}</p>);
  }
  return <div className="markdown">{out}</div>;
}
