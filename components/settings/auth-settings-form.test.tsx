import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { AuthSettingsForm } from './auth-settings-form';

const render = (settings: { requireSso: boolean; breakGlassEmail: string | null }, oidcName: string | null) =>
  renderToStaticMarkup(<AuthSettingsForm settings={settings} oidcName={oidcName} action={async (s) => s} />);

describe('AuthSettingsForm', () => {
  it('shows the stored setting and the break-glass admin', () => {
    const html = render({ requireSso: true, breakGlassEmail: 'root@example.test' }, 'Okta');
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*name="requireSso"[^>]*checked=""/);
    expect(html).toContain('Require Okta for everyone but the break-glass admin');
    expect(html).toMatch(/<input[^>]*id="break-glass-email"[^>]*value="root@example.test"/);
  });

  it('cannot turn SSO on without a provider, but can still turn a stored requirement off', () => {
    expect(render({ requireSso: false, breakGlassEmail: null }, null)).toMatch(/<input type="checkbox"[^>]*disabled=""[^>]*name="requireSso"/);
    expect(render({ requireSso: false, breakGlassEmail: null }, null)).toContain('No OIDC provider is configured');
    expect(render({ requireSso: true, breakGlassEmail: 'root@example.test' }, null)).not.toMatch(/<input type="checkbox"[^>]*disabled=""[^>]*name="requireSso"/);
  });
});
