// PostgreSQL advisory lock keys: each any constant no other lock of this database uses.

/** Serialises migrations (start-up and restore) of one database. */
export const MIGRATION_LOCK = 0x1771_fa0b;

/** The hourly score refresh: held by one instance at a time (lib/data/maintenance.ts). */
export const SCORE_REFRESH_LOCK = 0x1771_fa0a;
