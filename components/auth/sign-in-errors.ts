const GENERIC = 'Sign-in was refused. Ask an administrator whether your account exists and is enabled.';

/**
 * What each next-auth `error` code means to the person signing in. Password failures stay vague
 * (they must not say which of e-mail and password was wrong); single sign-on refusals can say
 * why, since the provider has already proven who the person is.
 */
export function signInErrorMessage(code: string, oidcName: string | null): string {
  const sso = oidcName ?? 'single sign-on';
  switch (code) {
    case 'CredentialsSignin':
      return 'Wrong e-mail or password, or the account is disabled.';
    case 'SsoRequired':
      return `Password sign-in is turned off: sign in with ${sso}. Only the break-glass administrator may use a password.`;
    case 'SsoNoGroup':
      return `${sso} vouched for you, but none of your groups gives a Gatehouse role. Ask an administrator to add you to a mapped group.`;
    case 'SsoUnknownUser':
      return `${sso} vouched for you, but there is no Gatehouse account with your e-mail. Ask an administrator to create one.`;
    case 'SsoNoEmail':
      return `${sso} did not give a verified e-mail address, which Gatehouse needs to find your account.`;
    case 'SsoLastAdmin':
      return `Your groups would take the admin role from the last admin. Make another admin first, or sign in with a password.`;
    case 'OAuthSignin':
    case 'OAuthCallback':
      return `${sso} could not be reached or did not answer as expected. Try again, or ask an administrator to check the provider.`;
    default:
      return GENERIC;
  }
}
