package dev.arbiter.eval.store;

/**
 * What differs between the two databases a {@link RunStore} runs on. Everything else — the tables, the upserts
 * ({@code INSERT … ON CONFLICT … DO UPDATE}, which both speak) and the queries — is shared.
 */
enum StoreDialect {
    /** The embedded default: one file, schema created by {@link RunStore}'s DDL, one writer per run by file lock. */
    SQLITE("sample_id"),
    /** A shared server: schema migrated by Flyway, one writer per run by advisory lock. */
    POSTGRESQL("sample_id COLLATE \"C\"");

    /**
     * Sample ids sorted by their bytes, as SQLite sorts them: metrics reduce answers in this order, so a run reads
     * back in the same order — and sums to the same last digit — from either store.
     */
    final String sampleIdOrder;

    StoreDialect(String sampleIdOrder) {
        this.sampleIdOrder = sampleIdOrder;
    }
}
