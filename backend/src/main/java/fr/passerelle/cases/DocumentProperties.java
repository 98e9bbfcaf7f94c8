package fr.passerelle.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Uploaded documents: the largest file accepted ({@code PASSERELLE_DOCUMENTS_MAX_SIZE}, 10MB by default). */
@ConfigurationProperties("passerelle.documents")
record DocumentProperties(DataSize maxSize) {
    DocumentProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
    }
}
