-- Trigram matching for the list's free-text search (name ILIKE '%q%'). Trusted extension
-- since Postgres 13; PGlite loads it from @electric-sql/pglite/contrib/pg_trgm.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
