package fr.passerelle.reporting;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * One export writer on N generated cases, in a JVM of its own (infra/benchmark-reporting.sh starts
 * one per writer with the heap capped): {@code sxssf} (the service's, {@link CaseloadWorkbook}
 * streaming), {@code xssf} (the same workbook without streaming) or {@code fastexcel} (the same
 * case-list columns, types, styles, frozen header and autofilter, with org.dhatim:fastexcel), or
 * {@code read} (the rows read and dropped: the database's share of the others' time). Each reads
 * the same rows from the benchmark database in the same streamed query. Prints one line:
 * writer, rows, milliseconds, peak heap used (MB), file size (bytes), or the error.
 */
public final class ExportWriterBenchmark {
    private ExportWriterBenchmark() {}

    public static void main(String[] args) throws Exception {
        String writer = args[0];
        String url = args[1];
        int rows = Integer.parseInt(args[2]);
        Path file = Files.createTempFile("passerelle-bench-", ".xlsx");
        long start = System.nanoTime();
        int[] count = {0};
        String outcome = "ok";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.setAutoCommit(false);
            CaseloadWorkbook.CaseSource source = consumer -> read(connection, rows, row -> {
                count[0]++;
                consumer.accept(row);
            });
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                switch (writer) {
                    case "sxssf", "xssf" ->
                        CaseloadWorkbook.write(empty(), false, source, "sxssf".equals(writer), out, done -> {});
                    case "fastexcel" -> fastexcel(source, out);
                    case "read" -> source.forEach(row -> {});
                    default -> throw new IllegalArgumentException(writer);
                }
            }
        } catch (OutOfMemoryError e) {
            outcome = "OutOfMemoryError";
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%s %d %d %.1f %d %s%n", writer, count[0], ms, peak / 1048576.0, Files.size(file), outcome);
        Files.deleteIfExists(file);
    }

    private static Statistics empty() {
        StatisticsFilter filter =
                new StatisticsFilter(LocalDate.of(2025, 12, 2), LocalDate.of(2026, 12, 1), null, null, null);
        return Statistics.of("association", "benchmark", Instant.now(), filter, new CaseloadFigures(), false);
    }

    private static void read(Connection connection, int rows, Consumer<CaseRow> consumer) {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT c.reference, c.ground, c.department, c.prefecture, c.status, c.step, c.outcome, c.outcome_on,
                       (c.created_at AT TIME ZONE 'Europe/Paris')::date AS opened_on, c.appointment_on, c.filed_on,
                       c.receipt_expires_on, c.decided_on, c.closed_on, c.assignee_name,
                       (SELECT min(o.outcome_on) FROM app.case_outcomes o WHERE o.tenant_id = c.tenant_id
                           AND o.case_id = c.id AND o.outcome IN ('GRANTED', 'REFUSED', 'REFUSED_WITH_OQTF',
                           'IMPLICIT_REFUSAL') AND o.outcome_on >= c.filed_on) - c.filed_on AS days
                FROM app.cases c ORDER BY c.created_at, c.id LIMIT ?""")) {
            query.setFetchSize(2000);
            query.setInt(1, rows);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(new CaseRow(
                            rs.getString(1),
                            null,
                            null,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            date(rs, 8),
                            date(rs, 9),
                            date(rs, 10),
                            date(rs, 11),
                            date(rs, 12),
                            date(rs, 13),
                            date(rs, 14),
                            rs.getString(15),
                            (Integer) rs.getObject(16)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    /** The case list as {@link CaseloadWorkbook} writes it (same columns, types, styles), with fastexcel. */
    private static void fastexcel(CaseloadWorkbook.CaseSource source, OutputStream out) throws Exception {
        org.dhatim.fastexcel.Workbook book = new org.dhatim.fastexcel.Workbook(out, "Passerelle", "1.0");
        org.dhatim.fastexcel.Worksheet summary = book.newWorksheet(CaseloadWorkbook.SUMMARY);
        summary.value(0, 0, "Indicateur");
        summary.value(0, 1, "Valeur");
        summary.range(0, 0, 0, 1)
                .style()
                .bold()
                .fontColor("FFFFFF")
                .fillColor("008080")
                .set();
        summary.freezePane(0, 1);
        summary.finish(); // fastexcel writes its sheets one after the other
        org.dhatim.fastexcel.Worksheet sheet = book.newWorksheet(CaseloadWorkbook.CASES);
        String[] headings = {
            "Dossier",
            "Motif",
            "Département",
            "Préfecture",
            "Statut",
            "Étape",
            "Dernière issue",
            "Date de l'issue",
            "Ouvert le",
            "Rendez-vous",
            "Déposé le",
            "Récépissé jusqu'au",
            "Décision le",
            "Clos le",
            "Intervenant",
            "Jours dépôt → décision"
        };
        int[] widths = {16, 10, 12, 30, 16, 26, 20, 14, 12, 12, 12, 16, 12, 12, 22, 14};
        for (int c = 0; c < headings.length; c++) {
            sheet.value(0, c, headings[c]);
            sheet.width(c, widths[c]);
        }
        sheet.range(0, 0, 0, headings.length - 1)
                .style()
                .bold()
                .fontColor("FFFFFF")
                .fillColor("008080")
                .wrapText(true)
                .set();
        sheet.freezePane(0, 1);
        int[] r = {1};
        Exception[] failure = {null};
        source.forEach(row -> {
            int i = r[0]++;
            text(sheet, i, 0, row.reference());
            text(sheet, i, 1, row.ground());
            text(sheet, i, 2, row.department());
            text(sheet, i, 3, row.prefecture());
            text(sheet, i, 4, Labels.status(row.status()));
            text(sheet, i, 5, Labels.step(row.step()));
            text(sheet, i, 6, Labels.outcome(row.outcome()));
            date(sheet, i, 7, row.outcomeOn());
            date(sheet, i, 8, row.openedOn());
            date(sheet, i, 9, row.appointmentOn());
            date(sheet, i, 10, row.filedOn());
            date(sheet, i, 11, row.receiptExpiresOn());
            date(sheet, i, 12, row.decidedOn());
            date(sheet, i, 13, row.closedOn());
            text(sheet, i, 14, row.assignee());
            if (row.daysFilingToDecision() != null) {
                sheet.value(i, 15, row.daysFilingToDecision());
                sheet.style(i, 15).format("0").set();
            }
            if (i % 1000 == 0 && failure[0] == null) {
                try {
                    sheet.flush();
                } catch (java.io.IOException e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        sheet.setAutoFilter(0, 0, Math.max(r[0] - 1, 1), headings.length - 1);
        book.finish();
    }

    private static void text(org.dhatim.fastexcel.Worksheet sheet, int r, int c, String value) {
        if (value != null) {
            sheet.value(r, c, CaseloadWorkbook.neutralised(value));
        }
    }

    private static void date(org.dhatim.fastexcel.Worksheet sheet, int r, int c, LocalDate value) {
        if (value != null) {
            sheet.value(r, c, value);
            sheet.style(r, c).format("dd/mm/yyyy").set();
        }
    }
}
