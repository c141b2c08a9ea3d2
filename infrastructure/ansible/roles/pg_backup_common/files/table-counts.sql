-- Exact row count of every table outside the system schemas, as one JSON object.
SELECT coalesce(
  json_object_agg(
    format('%I.%I', table_schema, table_name),
    (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text::bigint
    ORDER BY table_schema, table_name
  ),
  '{}'::json
)
FROM information_schema.tables
WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema');
