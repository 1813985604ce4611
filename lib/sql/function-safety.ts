/**
 * Without the catalog we cannot know whether a function writes, so any function not known to be
 * free of side effects is treated as one that can ('unsafe-function'). Names here are built-ins
 * that only compute a value from their arguments, the clock, or session facts.
 */
const SAFE_FUNCTIONS: ReadonlySet<string> = new Set([
  // aggregates
  'count', 'sum', 'avg', 'min', 'max', 'bool_and', 'bool_or', 'every', 'bit_and', 'bit_or',
  'array_agg', 'string_agg', 'json_agg', 'jsonb_agg', 'json_object_agg', 'jsonb_object_agg',
  'stddev', 'stddev_pop', 'stddev_samp', 'variance', 'var_pop', 'var_samp', 'corr', 'covar_pop',
  'covar_samp', 'percentile_cont', 'percentile_disc', 'mode', 'any_value',
  // window functions
  'row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile', 'lag', 'lead',
  'first_value', 'last_value', 'nth_value',
  // date and time
  'now', 'clock_timestamp', 'statement_timestamp', 'transaction_timestamp', 'timeofday',
  'date_trunc', 'date_part', 'extract', 'date_bin', 'age', 'make_date', 'make_time',
  'make_timestamp', 'make_timestamptz', 'make_interval', 'to_char', 'to_date', 'to_timestamp',
  'to_number', 'timezone', 'overlaps', 'isfinite', 'justify_days', 'justify_hours', 'justify_interval',
  // strings
  'lower', 'upper', 'initcap', 'length', 'char_length', 'character_length', 'octet_length',
  'bit_length', 'concat', 'concat_ws', 'substring', 'substr', 'left', 'right', 'trim', 'btrim',
  'ltrim', 'rtrim', 'lpad', 'rpad', 'replace', 'split_part', 'strpos', 'position', 'reverse',
  'repeat', 'starts_with', 'format', 'quote_ident', 'quote_literal', 'quote_nullable', 'md5',
  'sha256', 'sha512', 'encode', 'decode', 'translate', 'ascii', 'chr', 'overlay', 'to_hex',
  'regexp_replace', 'regexp_match', 'regexp_matches', 'regexp_split_to_array',
  'regexp_split_to_table', 'regexp_like', 'regexp_count', 'regexp_substr', 'regexp_instr',
  'string_to_array', 'array_to_string', 'normalize', 'is_normalized', 'like_escape',
  'similar_escape', 'similar_to_escape', 'pg_collation_for',
  // numbers
  'abs', 'round', 'floor', 'ceil', 'ceiling', 'trunc', 'mod', 'power', 'pow', 'sqrt', 'cbrt',
  'exp', 'ln', 'log', 'log10', 'sign', 'pi', 'degrees', 'radians', 'div', 'width_bucket',
  'random', 'gen_random_uuid',
  // arrays
  'array_length', 'array_lower', 'array_upper', 'array_dims', 'cardinality', 'array_position',
  'array_positions', 'array_append', 'array_prepend', 'array_cat', 'array_remove',
  'array_replace', 'unnest', 'generate_subscripts',
  // json
  'to_json', 'to_jsonb', 'row_to_json', 'array_to_json', 'json_build_object',
  'jsonb_build_object', 'json_build_array', 'jsonb_build_array', 'json_object', 'jsonb_object',
  'json_extract_path', 'json_extract_path_text', 'jsonb_extract_path', 'jsonb_extract_path_text',
  'json_array_elements', 'jsonb_array_elements', 'json_array_elements_text',
  'jsonb_array_elements_text', 'json_each', 'jsonb_each', 'json_each_text', 'jsonb_each_text',
  'json_object_keys', 'jsonb_object_keys', 'json_array_length', 'jsonb_array_length',
  'json_typeof', 'jsonb_typeof', 'jsonb_set', 'jsonb_insert', 'json_strip_nulls',
  'jsonb_strip_nulls', 'jsonb_pretty', 'jsonb_path_query', 'jsonb_path_query_array',
  'jsonb_path_query_first', 'jsonb_path_exists', 'jsonb_path_match',
  // null handling (coalesce, greatest, least and nullif are syntax, listed for completeness)
  'coalesce', 'nullif', 'greatest', 'least', 'num_nulls', 'num_nonnulls',
  // sets and session facts
  'generate_series', 'version', 'current_database', 'current_schema', 'current_schemas',
  'current_user', 'session_user', 'system_user', 'current_setting', 'pg_typeof', 'format_type',
  'pg_backend_pid', 'pg_size_pretty', 'pg_relation_size', 'pg_total_relation_size',
  'pg_table_size', 'pg_indexes_size', 'pg_database_size', 'to_regclass', 'obj_description',
  'col_description', 'has_table_privilege', 'has_schema_privilege', 'has_column_privilege',
  'has_database_privilege', 'pg_has_role',
]);

/**
 * Built-ins that act on the server, read its files, reach other servers, or run SQL given as a
 * string (which hides the tables it reads). They must never join SAFE_FUNCTIONS; a test holds that.
 */
export const DANGEROUS_FUNCTIONS: readonly string[] = [
  'set_config', 'pg_terminate_backend', 'pg_cancel_backend', 'pg_reload_conf', 'pg_rotate_logfile',
  'pg_read_file', 'pg_read_binary_file', 'pg_ls_dir', 'pg_stat_file', 'pg_file_write',
  'lo_import', 'lo_export', 'lo_unlink', 'lo_create', 'lo_from_bytea', 'lo_put',
  'dblink', 'dblink_exec', 'dblink_connect', 'dblink_send_query', 'pg_sleep', 'pg_sleep_for',
  'pg_sleep_until', 'pg_advisory_lock', 'pg_switch_wal', 'pg_promote', 'pg_create_restore_point',
  'pg_logical_emit_message', 'pg_drop_replication_slot', 'pg_notify', 'nextval', 'setval',
  'query_to_xml', 'table_to_xml', 'cursor_to_xml', 'schema_to_xml', 'database_to_xml',
  'txid_current', 'pg_stat_reset',
];

/** Whether `parts` (['pg_catalog','lower'] or ['lower']) names a function on the safe list. */
export function isSafeFunction(parts: readonly string[]): boolean {
  const [first, second] = parts;
  if (parts.length === 1) return SAFE_FUNCTIONS.has(first as string);
  return parts.length === 2 && first === 'pg_catalog' && SAFE_FUNCTIONS.has(second as string);
}
