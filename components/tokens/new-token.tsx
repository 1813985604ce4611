'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** The only time a token's text is on screen. */
export function NewToken({ token, message }: { token: string; message?: string }) {
  const [isCopied, setCopied] = useState(false);

  async function copy() {
    await navigator.clipboard.writeText(token);
    setCopied(true);
  }

  return (
    <Alert variant="success" className="space-y-2">
      {message ? <p className="font-medium">{message}</p> : null}
      <p>Copy this token now; it will not be shown again.</p>
      <div className="flex items-center gap-2">
        <code
          data-testid="new-token"
          className="block flex-1 select-all overflow-x-auto rounded border border-emerald-300 bg-white px-3 py-2 font-mono text-xs text-slate-900"
        >
          {token}
        </code>
        <Button variant="secondary" size="sm" onClick={copy}>
          {isCopied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </Alert>
  );
}
