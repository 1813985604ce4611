import { matchSpans, type Detector, type Span } from './detector';

/**
 * Keys with a recognisable shape: AWS access key ids, GitHub, Slack, Stripe and Google API keys,
 * Gatehouse access tokens (ghk_ + 43 base64url characters) and PEM private key blocks. The prefix
 * test runs first: most text has none of them.
 *
 * A PEM block runs from its BEGIN line to its END line; one without an END line (a truncated
 * log) is masked as far as its body goes. Nothing here crosses a tab, so a COPY text line keeps
 * its columns. The END line and the next tab are looked up once for all BEGIN lines, not once
 * each: many BEGIN lines without an END would otherwise cost the square of the text.
 */
const PREFIXES = /AKIA|ASIA|gh[pousrk]_|github_pat_|xox[baprs]-|[sr]k_(?:live|test)_|AIza|-----BEGIN/;
const TOKEN = new RegExp(
  [
    '(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])',
    'gh[pousr]_[A-Za-z0-9]{36,}',
    'github_pat_[A-Za-z0-9_]{22,}',
    'xox[baprs]-[A-Za-z0-9-]{10,}',
    '[sr]k_(?:live|test)_[A-Za-z0-9]{16,}',
    'AIza[A-Za-z0-9_-]{35}',
    'ghk_[A-Za-z0-9_-]{43}',
  ].join('|'),
  'g',
);
const PEM_LABEL = '[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----';
const PEM_BEGIN = new RegExp(`-----BEGIN ${PEM_LABEL}`, 'g');
const PEM_END = new RegExp(`-----END ${PEM_LABEL}`, 'y');
/** Base64, header lines (Proc-Type: 4,ENCRYPTED) and line breaks, raw or escaped as in COPY text. */
const PEM_BODY = /[A-Za-z0-9+/=\\ \r\n:,-]*/y;

function findPemBlocks(text: string): Span[] {
  const spans: Span[] = [];
  let nextEnd = -2;
  let nextTab = -2;
  PEM_BEGIN.lastIndex = 0;
  for (let m = PEM_BEGIN.exec(text); m !== null; m = PEM_BEGIN.exec(text)) {
    const bodyStart = PEM_BEGIN.lastIndex;
    if (nextTab !== -1 && nextTab < bodyStart) nextTab = text.indexOf('\t', bodyStart);
    let end = -1;
    while (nextEnd !== -1 && end === -1) {
      if (nextEnd < bodyStart) nextEnd = text.indexOf('-----END ', bodyStart);
      if (nextEnd === -1 || (nextTab !== -1 && nextEnd > nextTab)) break;
      PEM_END.lastIndex = nextEnd;
      if (PEM_END.test(text)) end = PEM_END.lastIndex;
      else nextEnd = text.indexOf('-----END ', nextEnd + 1);
    }
    if (end === -1) {
      PEM_BODY.lastIndex = bodyStart;
      PEM_BODY.test(text);
      end = PEM_BODY.lastIndex;
    }
    spans.push({ start: m.index, end });
    PEM_BEGIN.lastIndex = end;
  }
  return spans;
}

function findKeys(text: string): Span[] {
  const blocks = text.includes('-----BEGIN') ? findPemBlocks(text) : [];
  const tokens = matchSpans(text, TOKEN);
  if (blocks.length === 0) return tokens;
  const outside = tokens.filter((t) => !blocks.some((b) => t.start < b.end && b.start < t.end));
  return [...blocks, ...outside].sort((a, b) => a.start - b.start);
}

export const cloudKeyDetector: Detector = {
  name: 'cloud-key',
  label: 'secret key',
  find: (text) => (PREFIXES.test(text) ? findKeys(text) : []),
};
