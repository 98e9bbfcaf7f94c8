package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Uploading and downloading the files of a case's pieces: type, size, isolation. */
@ApiTest
class CaseDocumentsTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final int TEN_MB = 10 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Staff staff;
    String caseId;
    String pieceDocuments;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        staff = new Staff(port);
        caseId = Staff.open(staff.caseworker);
        pieceDocuments = "/api/cases/" + caseId + "/checklist/proof-of-address/documents";
    }

    @Test
    void aFileIsStoredForItsPieceAndDownloadedByteForByte() throws Exception {
        byte[] large = pdf(3 * CaseDocuments.CHUNK + 12_345); // several chunks
        var uploaded = staff.caseworker.upload(
                pieceDocuments, "file", "../../quittance d'avril.pdf", "application/pdf", large);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().get("filename").asText()).isEqualTo("quittance d'avril.pdf");
        assertThat(uploaded.json().get("sha256").asText())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(large)));

        var download = staff.coordinator.download("/api/cases/" + caseId + "/documents/"
                + uploaded.json().get("id").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(large);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        var piece = staff
                .caseworker
                .get("/api/cases/" + caseId + "/checklist")
                .json()
                .get("pieces")
                .findParents("piece")
                .stream()
                .filter(line -> line.get("piece").asText().equals("proof-of-address"))
                .findFirst()
                .orElseThrow();
        assertThat(piece.get("status").asText())
                .as("an upload marks a missing piece received")
                .isEqualTo("RECEIVED");
        assertThat(piece.get("documents").asInt()).isEqualTo(1);
    }

    @Test
    void pngAndJpegAreAcceptedAsWell() {
        assertThat(staff.caseworker
                        .upload(pieceDocuments, "file", "scan.png", "image/png", PNG)
                        .status())
                .isEqualTo(201);
        var jpeg = staff.caseworker.upload(pieceDocuments, "file", "photo.jpg", "image/jpeg", JPEG);
        assertThat(jpeg.status()).isEqualTo(201);
        assertThat(jpeg.json().get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(staff.caseworker.get("/api/cases/" + caseId + "/documents").json())
                .hasSize(2);
    }

    @Test
    void theContentDecidesTheTypeNotTheNameNorTheDeclaredType() {
        var html = staff.caseworker.upload(
                pieceDocuments,
                "file",
                "quittance.pdf",
                "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.json().get("errors").has("file")).isTrue();

        var disguised = staff.caseworker.upload(pieceDocuments, "file", "scan.png", "image/png", Staff.PDF.getBytes());
        assertThat(disguised.status()).isEqualTo(415);
        assertThat(disguised.json().get("detail").asText()).contains("déclaré comme image/png");

        var empty = staff.caseworker.upload(pieceDocuments, "file", "empty.pdf", "application/pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").has("file")).isTrue();
        assertNothingStored();
    }

    @Test
    void aFileOfTenMegabytesIsAcceptedAndOneByteMoreIsRefused() {
        var tooLarge = staff.caseworker.upload(pieceDocuments, "file", "big.pdf", "application/pdf", pdf(TEN_MB + 1));
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.json().get("errors").has("file")).isTrue();
        assertNothingStored();

        var limit = staff.caseworker.upload(pieceDocuments, "file", "limit.pdf", "application/pdf", pdf(TEN_MB));
        assertThat(limit.status()).as(limit.toString()).isEqualTo(201);
        assertThat(limit.json().get("size").asLong()).isEqualTo(TEN_MB);
    }

    @Test
    void aPieceNotOnTheChecklistOfTheGroundHasNoDocuments() {
        var response = staff.caseworker.upload(
                "/api/cases/" + caseId + "/checklist/marriage-certificate/documents",
                "file",
                "acte.pdf",
                "application/pdf",
                Staff.PDF.getBytes());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asText()).contains("marriage-certificate");
    }

    @Test
    void anotherAssociationCanNeitherUploadNorDownloadNorDelete() {
        var uploaded =
                staff.caseworker.upload(pieceDocuments, "file", "q.pdf", "application/pdf", Staff.PDF.getBytes());
        String document = "/api/cases/" + caseId + "/documents/"
                + uploaded.json().get("id").asText();
        for (Api other : new Api[] {staff.betaCaseworker, staff.betaCoordinator}) {
            assertThat(other.upload(pieceDocuments, "file", "x.pdf", "application/pdf", Staff.PDF.getBytes())
                            .status())
                    .isEqualTo(404);
            assertThat(other.download(document).statusCode()).isEqualTo(404);
            assertThat(other.get("/api/cases/" + caseId + "/documents").status())
                    .isEqualTo(404);
            assertThat(other.delete(document).status()).isEqualTo(404);
        }
        // even its own case's path with another association's document id
        String betaCase = Staff.open(staff.betaCaseworker);
        assertThat(staff.betaCaseworker
                        .download("/api/cases/" + betaCase + "/documents/"
                                + uploaded.json().get("id").asText())
                        .statusCode())
                .isEqualTo(404);
        assertThat(staff.caseworker.download(document).body()).isEqualTo(Staff.PDF.getBytes());
    }

    private void assertNothingStored() {
        assertThat(staff.caseworker.get("/api/cases/" + caseId + "/documents").json())
                .isEmpty();
        long chunks = Staff.countInAlpha(jdbc, """
                SELECT count(*) FROM app.case_document_chunks c
                WHERE NOT EXISTS (SELECT 1 FROM app.case_documents d WHERE d.id = c.document_id)""");
        assertThat(chunks).as("no orphan chunk").isZero();
    }

    private static byte[] pdf(int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) 'x');
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, content, 0, head.length);
        return content;
    }
}
