import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { SessionSettingsForm } from './session-settings-form';

const settings: Parameters<typeof SessionSettingsForm>[0]['settings'] = {
  idleTimeoutSeconds: null,
  maxSessionSeconds: 600,
  strictReads: false,
  recordingRows: 20,
  retentionDays: null,
  approvalWebhookUrl: null,
};
const render = (overrides: Partial<typeof settings> = {}) =>
  renderToStaticMarkup(<SessionSettingsForm targetId="t1" settings={{ ...settings, ...overrides }} action={async (s) => s} />);

describe('SessionSettingsForm', () => {
  it('shows the recorded rows and the retention with their labels, empty retention meaning forever', () => {
    const html = render();
    expect(html).toContain('<label');
    expect(html).toMatch(/for="recording-rows"[^>]*>Recorded rows per statement</);
    expect(html).toMatch(/<input[^>]*id="recording-rows"[^>]*name="recordingRows"[^>]*value="20"/);
    expect(html).toMatch(/for="retention-days"[^>]*>Keep recordings \(days\)</);
    expect(html).toMatch(/<input[^>]*id="retention-days"[^>]*name="retentionDays"[^>]*value=""/);
    expect(html).toContain('Empty: forever');
  });

  it('shows a stored retention and row count', () => {
    const html = render({ recordingRows: 0, retentionDays: 90 });
    expect(html).toMatch(/name="recordingRows"[^>]*value="0"/);
    expect(html).toMatch(/name="retentionDays"[^>]*value="90"/);
  });
});
