'use client';

import { useEffect, useState } from 'react';

export type RuleListDraft<T> = {
  /** The working copy: what the editor shows and "Save" sends. */
  rules: T[];
  /** The list as the server last returned it. */
  saved: T[];
  isDirty: boolean;
  move: (index: number, by: -1 | 1) => void;
  update: (id: string, change: (rule: T) => T) => void;
  /** Puts a rule at a position, or at the end when none is given. */
  insert: (rule: T, position?: number) => void;
  remove: (id: string) => void;
  reset: () => void;
  /** The server's answer to a save becomes both the saved list and the working copy. */
  markSaved: (rules: T[]) => void;
};

/**
 * The working copy of an ordered rule list, kept apart from the saved list until the whole of it is
 * sent, so reordering, toggling and deleting are free to try. While the two differ, leaving the
 * page asks first.
 */
export function useRuleListDraft<T extends { id: string }>(savedRules: T[]): RuleListDraft<T> {
  const [saved, setSaved] = useState(savedRules);
  const [rules, setRules] = useState(savedRules);
  // By content: a rule edited back to what it was is a new object but not a change.
  const isDirty = JSON.stringify(rules) !== JSON.stringify(saved);

  useEffect(() => {
    if (!isDirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  return {
    rules,
    saved,
    isDirty,
    move: (index, by) =>
      setRules((list) => {
        const next = [...list];
        [next[index], next[index + by]] = [next[index + by]!, next[index]!];
        return next;
      }),
    update: (id, change) => setRules((list) => list.map((rule) => (rule.id === id ? change(rule) : rule))),
    insert: (rule, position) =>
      setRules((list) => {
        const at = position ?? list.length;
        return [...list.slice(0, at), rule, ...list.slice(at)];
      }),
    remove: (id) => setRules((list) => list.filter((rule) => rule.id !== id)),
    reset: () => setRules(saved),
    markSaved: (next) => {
      setSaved(next);
      setRules(next);
    },
  };
}
