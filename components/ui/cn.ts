export type ClassValue = string | false | null | undefined;

/**
 * Joins class names, dropping falsy ones; enough for our variants without pulling in clsx. Unlike
 * tailwind-merge it does not resolve conflicts, so size a control through its wrapper.
 */
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(' ');
}
