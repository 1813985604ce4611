import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { AuditResult } from '@/lib/audit/search-audit';
import { AuditResultsTable } from './audit-results-table';
import { AuditExportLinks } from './audit-export-links';
import { AuditFilters } from './audit-filters';

const statement: AuditResult = {
  type: 'statement',
  id: '00000000-0000-4000-8000-000000000001',
  at: '2025-01-31T14:05:09.123456Z',
  sessionId: '11111111-2222-4333-8444-555555555555',
  seq: 1,
  userEmail: 'alice@example.test',
  targetName: 'demo',
  text: 'delete from payments where id = 1 <script>',
  params: null,
  classification: { kinds: ['write'], tables: ['public.payments'], functions: [], flags: [], commands: ['DELETE'] },
  decision: 'require_approval',
  ruleId: 'r',
  ruleName: 'Approve writes',
  message: null,
  outcome: { commandTag: 'DELETE 1', rowCount: 1, sqlstate: null, errorMessage: null, durationMs: 2, masked: false },
  approval: { id: '99999999-0000-4000-8000-000000000009', status: 'approved', decisions: [{ email: 'bob@example.test', decision: 'approve', reason: null, at: '2025-01-31T14:05:00.000000Z' }] },
  summary: 'alice@example.test ran DELETE on demo: held for approval',
};

const event: AuditResult = {
  type: 'event',
  id: '00000000-0000-4000-8000-000000000002',
  seq: 7,
  at: '2025-01-31T14:00:00.000000Z',
  actorId: null,
  actorEmail: 'admin@example.test',
  actorRole: 'admin',
  actorAddress: '203.0.113.9',
  action: 'session.terminated',
  subjectType: 'session',
  subjectId: '11111111-2222-4333-8444-555555555555',
  targetName: 'demo',
  summary: 'admin@example.test terminated the session of alice@example.test on demo',
  details: {},
};

describe('audit page components', () => {
  it('shows one row per result, with the approver linked to the request and the session linked', () => {
    const html = renderToStaticMarkup(<AuditResultsTable results={[statement, event]} />);
    expect(html.match(/data-testid="audit-row"/g)).toHaveLength(2);
    expect(html).toContain('href="/approvals/99999999-0000-4000-8000-000000000009">bob@example.test</a>');
    expect(html.match(/href="\/sessions\/11111111-2222-4333-8444-555555555555"/g)).toHaveLength(2);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('203.0.113.9');
  });

  it('says so when nothing matches', () => {
    expect(renderToStaticMarkup(<AuditResultsTable results={[]} />)).toContain('Nothing in the audit log matches.');
  });

  it('carries the filters, but not the page position, into the export links', () => {
    const html = renderToStaticMarkup(<AuditExportLinks query={{ q: 'delete payments', target: 'demo', cursor: 'abc' }} />);
    expect(html).toContain('href="/api/v1/audit/export?q=delete+payments&amp;target=demo&amp;format=csv"');
    expect(html).toContain('>Export CSV</a>');
    expect(html).toContain('href="/api/v1/audit/export?q=delete+payments&amp;target=demo&amp;format=jsonl"');
    expect(html).toContain('>Export JSON Lines</a>');
  });

  it('labels the search input "Search" and shows field errors beside their fields', () => {
    const html = renderToStaticMarkup(<AuditFilters query={{ q: 'drop', from: 'soon' }} fieldErrors={{ from: ['From must be a date'] }} />);
    expect(html).toMatch(/<label[^>]*for="audit-q"[^>]*>Search<\/label>/);
    expect(html).toContain('value="drop"');
    expect(html).toContain('From must be a date');
  });
});
