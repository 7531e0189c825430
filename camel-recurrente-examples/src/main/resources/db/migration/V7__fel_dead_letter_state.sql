-- The state a payment had reached when it went to the FEL dead-letter table (PENDING, ISSUED or PUSHED), so the
-- operator's replay resumes it there: a payment that failed after its PATCH but before its receipt's marker is not
-- PATCHed again. Portable DDL: H2 2.x and PostgreSQL 12+.
ALTER TABLE payments ADD COLUMN IF NOT EXISTS dead_lettered_from VARCHAR(16);
