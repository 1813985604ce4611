import { matchSpans, type Detector } from './detector';

/**
 * Keys with a recognisable shape: AWS access key ids, GitHub, Slack, Stripe and Google API keys,
 * Gatehouse access tokens (ghk_ + 43 base64url characters) and PEM private key blocks. A block
 * without its END line (a truncated log) is masked as far as its body goes. Nothing here matches
 * a tab, so a COPY text line keeps its columns. The prefix test runs first: most text has none.
 */
const PREFIXES = /AKIA|ASIA|gh[pousrk]_|github_pat_|xox[baprs]-|[sr]k_(?:live|test)_|AIza|-----BEGIN/;
const PEM_LABEL = '[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----';
const KEY = new RegExp(
  [
    '(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])',
    'gh[pousr]_[A-Za-z0-9]{36,}',
    'github_pat_[A-Za-z0-9_]{22,}',
    'xox[baprs]-[A-Za-z0-9-]{10,}',
    '[sr]k_(?:live|test)_[A-Za-z0-9]{16,}',
    'AIza[A-Za-z0-9_-]{35}',
    'ghk_[A-Za-z0-9_-]{43}',
    `-----BEGIN ${PEM_LABEL}(?:[^\\t]*?-----END ${PEM_LABEL}|[A-Za-z0-9+/=\\\\ \\r\\n:,-]*)`,
  ].join('|'),
  'g',
);

export const cloudKeyDetector: Detector = {
  name: 'cloud-key',
  label: 'secret key',
  find: (text) => (PREFIXES.test(text) ? matchSpans(text, KEY) : []),
};
