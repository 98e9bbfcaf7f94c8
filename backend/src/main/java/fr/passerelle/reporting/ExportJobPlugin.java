package fr.passerelle.reporting;

import fr.passerelle.procedure.BackgroundJob;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the exports as procedure's background jobs: a job of type {@value #RUN} (an export to write)
 * or {@value #PURGE} (its file's retention is over, due then) carries the export's id and its
 * association. A restart loses no export (procedure's {@code BackgroundJobs}).
 */
@Component
class ExportJobPlugin implements BackgroundJob {
    static final String RUN = "passerelle-export";
    static final String PURGE = "passerelle-export-purge";
    private final ObjectProvider<ExportWriting> exports;

    ExportJobPlugin(ObjectProvider<ExportWriting> exports) {
        this.exports = exports;
    }

    @Override
    public Set<String> types() {
        return Set.of(RUN, PURGE);
    }

    @Override
    public void run(String type, UUID id, String tenant) {
        if (RUN.equals(type)) {
            exports.getObject().run(id, tenant);
        } else {
            exports.getObject().purge(id, tenant);
        }
    }
}
