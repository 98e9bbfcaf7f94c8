-- The dashboard statistics (reporting.StatisticsQueries) read every case of one association
-- several times. An association's cases lie scattered over the whole table (one heap page holds
-- cases of many associations), so each read visited thousands of pages; this index holds, in
-- one association's contiguous leaf pages, every column the statistics read, so that they are
-- index-only scans. No new table: row-level security on app.cases is unchanged.
CREATE INDEX cases_statistics ON cases (tenant_id, id)
    INCLUDE (status, step, ground, prefecture, assignee_id, assignee_name, filed_on, receipt_expires_on);

-- The failed appointment attempts of a period: by date within the association (the index by
-- case had to be read whole for a date range), with the columns the statistic needs.
CREATE INDEX appointment_attempts_by_date ON appointment_attempts (tenant_id, attempted_at)
    INCLUDE (case_id, result);
