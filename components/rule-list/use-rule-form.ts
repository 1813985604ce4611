'use client';

import { useId, useState, type FormEvent } from 'react';

/** What each rule form takes: D is the draft it edits, O the choices the page hands down. */
export type RuleFormProps<D, O> = {
  title: string;
  initial: D;
  options: O;
  /** For a new rule: how many rules there are, so it can be placed anywhere from first to last. */
  ruleCount?: number;
  onApply: (draft: D, position: number) => void;
  onCancel: () => void;
};

/**
 * The state of one rule form: the draft being edited and, for a new rule, where it goes. Applying
 * only changes the working list in the browser; the server's schema judges the rule when the whole
 * list is saved.
 */
export function useRuleForm<D extends object>(initial: D, ruleCount: number | undefined, onApply: (draft: D, position: number) => void) {
  const [draft, setDraft] = useState(initial);
  const [position, setPosition] = useState(String(ruleCount ?? 0));
  const id = useId();

  function set<K extends keyof D>(key: K, value: D[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    onApply(draft, Number(position));
  }

  return { id, draft, set, position, setPosition, submit };
}
