package fr.passerelle.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Where a marker (an ASCII string, sought regardless of case) is found in the whole test database and in files:
 * every row of every table of every schema but PostgreSQL's own, read as JSON (every text, varchar, json, array
 * column), every bytea column read as bytes, and large objects; a byte array or file that is a zip (a workbook,
 * a letter) or gzip is also read unpacked. Connects as the PostgreSQL superuser ({@code PGSUPERUSER}, postgres
 * by default, as infra/postgres/create-db.sh), so row-level security hides nothing.
 */
public final class MarkerScan {
    private MarkerScan() {}

    /** "schema.table.column" (or "schema.table" for a row read as JSON) of each place the marker is in. */
    public static TreeSet<String> database(String jdbcUrl, String marker) {
        String superuser = System.getenv().getOrDefault("PGSUPERUSER", "postgres");
        TreeSet<String> found = new TreeSet<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, superuser, "")) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("""
                    SELECT table_schema, table_name FROM information_schema.tables
                    WHERE table_type = 'BASE TABLE'
                      AND table_schema NOT IN ('pg_catalog', 'information_schema')""")) {
                while (rs.next()) tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            for (String[] t : tables) {
                String table = quote(t[0]) + "." + quote(t[1]);
                try (var query = db.prepareStatement(
                        "SELECT count(*) FROM " + table + " r WHERE strpos(lower(row_to_json(r)::text), ?) > 0")) {
                    query.setString(1, marker.toLowerCase(Locale.ROOT));
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) found.add(t[0] + "." + t[1]);
                    }
                }
            }
            List<String[]> binaries = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("""
                    SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
                    JOIN information_schema.tables t USING (table_schema, table_name)
                    WHERE t.table_type = 'BASE TABLE' AND c.data_type = 'bytea'
                      AND c.table_schema NOT IN ('pg_catalog', 'information_schema')""")) {
                while (rs.next()) binaries.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
            for (String[] c : binaries) {
                String sql = "SELECT " + quote(c[2]) + " FROM " + quote(c[0]) + "." + quote(c[1]) + " WHERE "
                        + quote(c[2]) + " IS NOT NULL";
                try (var query = db.createStatement()) {
                    query.setFetchSize(100);
                    db.setAutoCommit(false);
                    try (ResultSet rs = query.executeQuery(sql)) {
                        while (rs.next()) {
                            if (contains(rs.getBytes(1), marker)) {
                                found.add(c[0] + "." + c[1] + "." + c[2]);
                                break;
                            }
                        }
                    }
                    db.setAutoCommit(true);
                }
            }
            try (ResultSet rs = db.createStatement().executeQuery("SELECT data FROM pg_largeobject")) {
                while (rs.next()) {
                    if (contains(rs.getBytes(1), marker)) found.add("pg_largeobject");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** The file, or the files under the directory (walked whole), holding the marker. */
    public static TreeSet<String> files(Path dir, String marker) {
        TreeSet<String> found = new TreeSet<>();
        if (!Files.exists(dir)) return found;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                try {
                    if (contains(Files.readAllBytes(file), marker)) found.add(file.toString());
                } catch (IOException e) {
                    // a file removed while walking holds nothing any more
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Whether the bytes hold the marker, as they are or unpacked (zip, gzip), regardless of case. */
    public static boolean contains(byte[] bytes, String marker) {
        if (bytes == null) return false;
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (text.contains(marker.toLowerCase(Locale.ROOT))) return true;
        if (text.contains(new String(
                marker.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1)))
            return true;
        try {
            if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
                // read through the central directory: a streamed workbook's entries have data descriptors
                // that java.util.zip's stream reader refuses
                try (var zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                        .setSeekableByteChannel(
                                new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(bytes))
                        .get()) {
                    for (var entry : java.util.Collections.list(zip.getEntries())) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            if (contains(in.readAllBytes(), marker)) return true;
                        }
                    }
                }
            } else if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    return contains(gzip.readAllBytes(), marker);
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
