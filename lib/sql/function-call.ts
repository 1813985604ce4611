import { asArray, fieldsOf, isAstObject, nameParts, type AstObject } from './ast';
import { isSafeFunction } from './function-safety';
import { LEXER_SETTINGS, type StatementFlag } from './statement-types';

/** A FuncCall's fields, wrapped or not: funcname plus funcformat sets it apart from CREATE FUNCTION's funcname. */
export function isFuncCall(fields: AstObject): boolean {
  return Array.isArray(fields.funcname) && typeof fields.funcformat === 'string';
}

/** The constant text of `'role'` or `'role'::text`, else null. */
function constantText(node: unknown): string | null {
  const cast = fieldsOf(node, 'TypeCast');
  const constant = fieldsOf(cast ? cast.arg : node, 'A_Const');
  const text = isAstObject(constant?.sval) ? constant.sval.sval : undefined;
  return typeof text === 'string' ? text : null;
}

/**
 * set_config('role', ...) is SET ROLE by another name. When the setting's name is not a constant
 * we cannot tell which it is, so it is treated as a role switch.
 */
function setConfigFlags(args: unknown[]): StatementFlag[] {
  const setting = constantText(args[0])?.toLowerCase();
  if (setting === 'session_authorization') return ['set-config', 'session-authorization'];
  if (setting === 'role' || setting === undefined) return ['set-config', 'set-role'];
  if (setting === 'search_path') return ['set-config', 'search-path'];
  if ((LEXER_SETTINGS as readonly string[]).includes(setting)) return ['set-config', 'lexer-setting'];
  return ['set-config'];
}

export function describeFunctionCall(fields: AstObject): { name: string; flags: StatementFlag[] } {
  const parts = nameParts(fields.funcname);
  const flags: StatementFlag[] = isSafeFunction(parts) ? [] : ['unsafe-function'];
  if (parts.at(-1)?.toLowerCase() === 'set_config') flags.push(...setConfigFlags(asArray(fields.args)));
  return { name: parts.join('.'), flags };
}
