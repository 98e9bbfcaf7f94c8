package fr.passerelle.reporting;

import fr.passerelle.tenancy.AssociationTime;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The caseload workbook: a summary sheet (key figures, and native bar charts of the open cases by
 * step and of the outcomes per month), one sheet per statistic, and the case list, pseudonymised
 * unless names were asked for. Real types (dates as dates, counts as numbers), styled and frozen
 * header rows, autofilters, set column widths; text that a spreadsheet would read as a formula is
 * neutralised ({@link #neutralised}).
 * <p>Streaming (SXSSF): the summary and its charts are built in a small XSSF workbook that then
 * becomes the template of an {@link SXSSFWorkbook}, which keeps only a window of rows of each
 * later sheet in memory and spools the rest to a temporary file, whatever the number of cases.
 * The plain mode (everything in XSSF, in memory) is kept for the benchmark's comparison.
 */
final class CaseloadWorkbook {
    static final String SUMMARY = "Synthèse";
    static final String CASES = "Dossiers";
    static final int WINDOW = 200;

    private final Workbook workbook;
    private final XSSFWorkbook base;
    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle integer;
    private final CellStyle decimal;
    private final CellStyle dateTime;
    private final CellStyle month;
    private final CellStyle text;

    /** The source of the case list: calls the consumer once per case, in order, without holding them. */
    interface CaseSource {
        void forEach(Consumer<CaseRow> row);
    }

    private CaseloadWorkbook(boolean streaming) {
        base = new XSSFWorkbook();
        header = base.createCellStyle();
        Font bold = base.createFont();
        bold.setBold(true);
        bold.setColor(IndexedColors.WHITE.getIndex());
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.DARK_TEAL.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        short dates = base.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy");
        date = base.createCellStyle();
        date.setDataFormat(dates);
        dateTime = base.createCellStyle();
        dateTime.setDataFormat(base.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
        month = base.createCellStyle();
        month.setDataFormat(base.getCreationHelper().createDataFormat().getFormat("mm/yyyy"));
        integer = base.createCellStyle();
        integer.setDataFormat(base.getCreationHelper().createDataFormat().getFormat("0"));
        decimal = base.createCellStyle();
        decimal.setDataFormat(base.getCreationHelper().createDataFormat().getFormat("0.0"));
        text = base.createCellStyle();
        // the summary first: it is the template's own sheet, kept in memory with its charts
        base.createSheet(SUMMARY);
        workbook = streaming ? new SXSSFWorkbook(base, WINDOW) : base;
    }

    /**
     * Writes the workbook for these statistics and cases; {@code progress} hears the number of
     * cases handed to the workbook so far (every 1,000, and all of them once it is written).
     * <p>The cases are read on the calling thread (which holds the database connection, when
     * there is one) and written into the workbook on a thread of its own, a few batches behind:
     * the database, the driver's decoding and POI's writing then work at the same time instead
     * of one after the other.
     */
    static void write(
            Statistics s,
            boolean withNames,
            CaseSource cases,
            boolean streaming,
            OutputStream out,
            IntConsumer progress)
            throws IOException {
        HandOver handOver = new HandOver();
        Throwable[] failure = {null};
        Thread writer = new Thread(
                () -> {
                    try {
                        CaseloadWorkbook book = new CaseloadWorkbook(streaming);
                        try {
                            book.summary(s);
                            book.statistics(s);
                            book.cases(withNames, handOver::drain);
                            book.workbook.write(out);
                        } finally {
                            book.workbook.close();
                        }
                    } catch (Throwable e) {
                        failure[0] = e;
                        handOver.abort();
                    }
                },
                "export-writer");
        writer.setDaemon(true);
        writer.start();
        int[] read = {0};
        RuntimeException reading = null;
        try {
            cases.forEach(row -> {
                handOver.put(row);
                if (++read[0] % 1000 == 0) {
                    progress.accept(read[0]);
                }
            });
            handOver.end();
        } catch (RuntimeException e) {
            reading = e;
            handOver.abort();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            handOver.abort();
            writer.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Export interrupted", e);
        }
        // the writer's failure first: the reading stops because of it
        if (failure[0] instanceof IOException e) {
            throw e;
        } else if (failure[0] instanceof Error e) {
            throw e;
        } else if (failure[0] != null && (reading == null || reading instanceof HandOver.WriterStopped)) {
            throw failure[0] instanceof RuntimeException e ? e : new IllegalStateException(failure[0]);
        } else if (reading != null) {
            throw reading;
        }
        progress.accept(read[0]);
    }

    /** The cases on their way from the reading thread to the writing one, in batches, a few at most. */
    private static final class HandOver {
        private static final int BATCH = 500;
        private static final List<CaseRow> END = List.of();
        private final BlockingQueue<List<CaseRow>> queue = new ArrayBlockingQueue<>(8);
        private volatile boolean aborted;

        static final class WriterStopped extends IllegalStateException {
            WriterStopped() {
                super("The workbook's writer stopped");
            }
        }

        private List<CaseRow> batch = new ArrayList<>(BATCH);

        void put(CaseRow row) {
            batch.add(row);
            if (batch.size() == BATCH) {
                send(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        void end() {
            if (!batch.isEmpty()) {
                send(batch);
            }
            send(END);
        }

        void abort() {
            aborted = true;
        }

        private void send(List<CaseRow> rows) {
            try {
                while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                    if (aborted) {
                        throw new WriterStopped();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Export interrupted", e);
            }
        }

        /** The writer's side: every case, in order, until the reader's end. */
        void drain(Consumer<CaseRow> consumer) {
            try {
                while (true) {
                    List<CaseRow> rows = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (aborted) {
                        throw new IllegalStateException("The export's reading stopped");
                    }
                    if (rows == END) {
                        return;
                    }
                    if (rows != null) {
                        rows.forEach(consumer);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Export interrupted", e);
            }
        }
    }

    /** Text a spreadsheet would take for a formula (or a DDE call) gets a leading apostrophe: it stays text. */
    static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    private void summary(Statistics s) {
        XSSFSheet sheet = base.getSheet(SUMMARY);
        headerRow(sheet, "Indicateur", "Valeur");
        List<Object[]> figures = new ArrayList<>();
        figures.add(new Object[] {"Dossiers ouverts", s.openCases().total()});
        figures.add(new Object[] {"Échéances dépassées", s.deadlines().overdue()});
        figures.add(new Object[] {"Échéances dans les 7 jours", s.deadlines().next7Days()});
        figures.add(new Object[] {"Échéances dans les 30 jours", s.deadlines().next30Days()});
        figures.add(new Object[] {
            "Récépissés expirés (dossiers ouverts)", s.receipts().expired()
        });
        figures.add(new Object[] {
            "Récépissés expirant dans les 7 jours", s.receipts().next7Days()
        });
        figures.add(new Object[] {
            "Récépissés expirant dans les 30 jours", s.receipts().next30Days()
        });
        Statistics.Duration filing = s.durations().filingToDecision();
        Statistics.Duration appeal = s.durations().refusalToAppealOutcome();
        figures.add(new Object[] {"Dépôt → décision : dossiers", filing.cases()});
        figures.add(new Object[] {"Dépôt → décision : médiane (jours)", filing.medianDays()});
        figures.add(new Object[] {"Dépôt → décision : 90e centile (jours)", filing.p90Days()});
        figures.add(new Object[] {"Refus → issue du recours : dossiers", appeal.cases()});
        figures.add(new Object[] {"Refus → issue du recours : médiane (jours)", appeal.medianDays()});
        figures.add(new Object[] {"Refus → issue du recours : 90e centile (jours)", appeal.p90Days()});
        figures.add(new Object[] {
            "Tentatives de rendez-vous échouées",
            s.failedAttemptsByPrefecture().stream()
                    .mapToLong(c -> c.count() == null ? 0 : c.count())
                    .sum()
        });
        int r = 1;
        for (Object[] figure : figures) {
            values(sheet.createRow(r++), figure);
        }
        finish(sheet, 2, r - 1, new int[] {46, 14});
        r++;
        values(sheet.createRow(r++), "Association", s.association());
        values(sheet.createRow(r++), "Du", s.filters().from());
        values(sheet.createRow(r++), "Au", s.filters().to());
        values(
                sheet.createRow(r++),
                "Préfecture",
                s.filters().prefecture() == null ? "toutes" : s.filters().prefecture());
        values(
                sheet.createRow(r++),
                "Motif",
                s.filters().ground() == null ? "tous" : s.filters().ground());
        values(
                sheet.createRow(r++),
                "Intervenant",
                s.filters().caseworker() == null ? "tous" : s.filters().caseworker());
        values(sheet.createRow(r++), "Produit le", LocalDateTime.ofInstant(s.generatedAt(), AssociationTime.ZONE));

        // the charts' data, beside the figures (columns D to L), read by the charts in this sheet
        int first = 0;
        headerAt(sheet, 3, 0, "Étape", "Dossiers ouverts");
        int row = first + 1;
        for (Statistics.Cell cell : s.openCases().byStep()) {
            valuesAt(row(sheet, row++), 3, Labels.step(cell.key()), cell.count());
        }
        int stepsEnd = row - 1;
        int monthsHeader = row + 1;
        Object[] heading = new Object[Labels.OUTCOME_ORDER.length + 1];
        heading[0] = "Mois";
        for (int i = 0; i < Labels.OUTCOME_ORDER.length; i++) {
            heading[i + 1] = Labels.outcome(Labels.OUTCOME_ORDER[i]);
        }
        headerAt(sheet, 3, monthsHeader, heading);
        Map<String, Map<String, Long>> byMonth = pivot(s.outcomes().byMonth());
        row = monthsHeader + 1;
        for (Map.Entry<String, Map<String, Long>> m : byMonth.entrySet()) {
            Object[] line = new Object[Labels.OUTCOME_ORDER.length + 1];
            line[0] = m.getKey();
            for (int i = 0; i < Labels.OUTCOME_ORDER.length; i++) {
                line[i + 1] = m.getValue().getOrDefault(Labels.OUTCOME_ORDER[i], 0L);
            }
            valuesAt(row(sheet, row++), 3, line);
        }
        int monthsEnd = row - 1;
        sheet.setColumnWidth(3, 28 * 256);
        for (int c = 4; c <= 3 + Labels.OUTCOME_ORDER.length; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
        sheet.createFreezePane(0, 1);

        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        if (stepsEnd >= first + 1) {
            XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 12, 0, 20, 16));
            chart.setTitleText("Dossiers ouverts par étape");
            chart.setTitleOverlay(false);
            XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
            XDDFValueAxis counts = chart.createValueAxis(AxisPosition.BOTTOM);
            counts.setCrosses(AxisCrosses.AUTO_ZERO);
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, counts);
            data.setBarDirection(BarDirection.BAR);
            data.setVaryColors(false);
            data.addSeries(
                            XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, stepsEnd, 3, 3)),
                            XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, stepsEnd, 4, 4)))
                    .setTitle("Dossiers ouverts", null);
            chart.plot(data);
        }
        if (monthsEnd > monthsHeader) {
            XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 12, 17, 20, 35));
            chart.setTitleText("Issues par mois");
            chart.setTitleOverlay(false);
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            XDDFCategoryAxis months = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis counts = chart.createValueAxis(AxisPosition.LEFT);
            counts.setCrosses(AxisCrosses.AUTO_ZERO);
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, months, counts);
            data.setBarDirection(BarDirection.COL);
            data.setVaryColors(false);
            var monthRange = XDDFDataSourcesFactory.fromStringCellRange(
                    sheet, new CellRangeAddress(monthsHeader + 1, monthsEnd, 3, 3));
            for (int i = 0; i < Labels.OUTCOME_ORDER.length; i++) {
                data.addSeries(
                                monthRange,
                                XDDFDataSourcesFactory.fromNumericCellRange(
                                        sheet, new CellRangeAddress(monthsHeader + 1, monthsEnd, 4 + i, 4 + i)))
                        .setTitle(Labels.outcome(Labels.OUTCOME_ORDER[i]), null);
            }
            chart.plot(data);
        }
    }

    private void statistics(Statistics s) {
        table(
                "Ouverts par étape",
                new String[] {"Étape", "Code", "Dossiers ouverts"},
                new int[] {32, 22, 16},
                s.openCases().byStep().stream()
                        .map(c -> new Object[] {Labels.step(c.key()), c.key(), c.count()})
                        .toList());
        table(
                "Ouverts par motif",
                new String[] {"Motif (CESEDA)", "Dossiers ouverts"},
                new int[] {18, 16},
                s.openCases().byGround().stream()
                        .map(c -> new Object[] {c.key(), c.count()})
                        .toList());
        table(
                "Échéances",
                new String[] {"Indicateur", "Nombre"},
                new int[] {40, 12},
                List.of(
                        new Object[] {"Échéances dépassées", s.deadlines().overdue()},
                        new Object[] {
                            "Échéances dans les 7 jours", s.deadlines().next7Days()
                        },
                        new Object[] {
                            "Échéances dans les 30 jours", s.deadlines().next30Days()
                        }));
        table(
                "Issues par mois",
                new String[] {"Mois", "Issue", "Code", "Dossiers"},
                new int[] {12, 24, 20, 12},
                s.outcomes().byMonth().stream()
                        .map(o -> new Object[] {
                            LocalDate.parse(o.key() + "-01"), Labels.outcome(o.outcome()), o.outcome(), o.count()
                        })
                        .toList());
        table(
                "Issues par préfecture",
                new String[] {"Préfecture", "Issue", "Code", "Dossiers"},
                new int[] {36, 24, 20, 12},
                s.outcomes().byPrefecture().stream()
                        .map(o -> new Object[] {
                            Labels.prefecture(o.key()), Labels.outcome(o.outcome()), o.outcome(), o.count()
                        })
                        .toList());
        Statistics.Duration filing = s.durations().filingToDecision();
        Statistics.Duration appeal = s.durations().refusalToAppealOutcome();
        table(
                "Durées",
                new String[] {"Durée", "Dossiers", "Médiane (jours)", "90e centile (jours)"},
                new int[] {32, 12, 16, 18},
                List.of(
                        new Object[] {"Dépôt → décision", filing.cases(), filing.medianDays(), filing.p90Days()},
                        new Object[] {"Refus → issue du recours", appeal.cases(), appeal.medianDays(), appeal.p90Days()
                        }));
        if (s.workload() != null) {
            table(
                    "Charge",
                    new String[] {"Intervenant", "Dossiers ouverts", "Tâches ouvertes", "Tâches en retard"},
                    new int[] {32, 16, 16, 16},
                    s.workload().stream()
                            .map(w -> new Object[] {
                                w.name() != null
                                        ? w.name()
                                        : w.assigneeId() != null ? w.assigneeId() : "(non attribué)",
                                w.openCases(),
                                w.openTasks(),
                                w.overdueTasks()
                            })
                            .toList());
        }
        table(
                "Récépissés",
                new String[] {"Indicateur", "Dossiers"},
                new int[] {40, 12},
                List.of(
                        new Object[] {"Expirés (dossiers ouverts)", s.receipts().expired()},
                        new Object[] {"Expirant dans les 7 jours", s.receipts().next7Days()},
                        new Object[] {"Expirant dans les 30 jours", s.receipts().next30Days()}));
        table(
                "Échecs de rendez-vous",
                new String[] {"Préfecture", "Tentatives échouées"},
                new int[] {36, 18},
                s.failedAttemptsByPrefecture().stream()
                        .map(c -> new Object[] {Labels.prefecture(c.key()), c.count()})
                        .toList());
    }

    private void cases(boolean withNames, CaseSource cases) {
        Sheet sheet = workbook.createSheet(CASES);
        List<String> headings = new ArrayList<>(List.of("Dossier"));
        List<Integer> widths = new ArrayList<>(List.of(16));
        if (withNames) {
            headings.addAll(List.of("Nom", "Prénom"));
            widths.addAll(List.of(22, 18));
        }
        headings.addAll(List.of(
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
                "Jours dépôt → décision"));
        widths.addAll(List.of(10, 12, 30, 16, 26, 20, 14, 12, 12, 12, 16, 12, 12, 22, 14));
        headerRow(sheet, headings.toArray());
        int[] r = {1};
        cases.forEach(c -> {
            Row row = sheet.createRow(r[0]++);
            int col = 0;
            col = put(row, col, c.reference());
            if (withNames) {
                col = put(row, col, c.lastName());
                col = put(row, col, c.firstName());
            }
            col = put(row, col, c.ground());
            col = put(row, col, c.department());
            col = put(row, col, c.prefecture());
            col = put(row, col, Labels.status(c.status()));
            col = put(row, col, Labels.step(c.step()));
            col = put(row, col, Labels.outcome(c.outcome()));
            col = put(row, col, c.outcomeOn());
            col = put(row, col, c.openedOn());
            col = put(row, col, c.appointmentOn());
            col = put(row, col, c.filedOn());
            col = put(row, col, c.receiptExpiresOn());
            col = put(row, col, c.decidedOn());
            col = put(row, col, c.closedOn());
            col = put(row, col, c.assignee());
            put(row, col, c.daysFilingToDecision());
        });
        finish(
                sheet,
                headings.size(),
                Math.max(r[0] - 1, 1),
                widths.stream().mapToInt(Integer::intValue).toArray());
    }

    private void table(String name, String[] headings, int[] widths, List<Object[]> rows) {
        Sheet sheet = workbook.createSheet(name);
        headerRow(sheet, (Object[]) headings);
        int r = 1;
        for (Object[] line : rows) {
            values(sheet.createRow(r++), line);
        }
        finish(sheet, headings.length, Math.max(r - 1, 1), widths);
    }

    private void finish(Sheet sheet, int columns, int lastRow, int[] widths) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, columns - 1));
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    private void headerRow(Sheet sheet, Object... headings) {
        headerAt(sheet, 0, 0, headings);
    }

    private void headerAt(Sheet sheet, int firstColumn, int rowIndex, Object... headings) {
        Row row = row(sheet, rowIndex);
        for (int i = 0; i < headings.length; i++) {
            Cell cell = row.createCell(firstColumn + i);
            cell.setCellValue(neutralised((String) headings[i]));
            cell.setCellStyle(header);
        }
    }

    private static Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    private void values(Row row, Object... values) {
        valuesAt(row, 0, values);
    }

    private void valuesAt(Row row, int first, Object... values) {
        for (int i = 0; i < values.length; i++) {
            put(row, first + i, values[i]);
        }
    }

    /** One typed cell; returns the next column. Null stays blank (a count left out, a date not known). */
    private int put(Row row, int column, Object value) {
        if (value == null) {
            return column + 1;
        }
        Cell cell = row.createCell(column);
        if (value instanceof String s) {
            cell.setCellValue(neutralised(s));
            cell.setCellStyle(text);
        } else if (value instanceof Integer || value instanceof Long) {
            cell.setCellValue(((Number) value).longValue());
            cell.setCellStyle(integer);
        } else if (value instanceof Double d) {
            cell.setCellValue(d);
            cell.setCellStyle(decimal);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(
                    d.getDayOfMonth() == 1
                                    && "Issues par mois".equals(row.getSheet().getSheetName())
                            ? month
                            : date);
        } else if (value instanceof LocalDateTime t) {
            cell.setCellValue(t);
            cell.setCellStyle(dateTime);
        } else {
            cell.setCellValue(neutralised(value.toString()));
        }
        return column + 1;
    }

    private static Map<String, Map<String, Long>> pivot(List<Statistics.OutcomeRow> rows) {
        Map<String, Map<String, Long>> pivot = new TreeMap<>();
        for (Statistics.OutcomeRow row : rows) {
            pivot.computeIfAbsent(row.key(), k -> new TreeMap<>())
                    .put(row.outcome(), row.count() == null ? 0L : row.count());
        }
        return pivot;
    }
}
