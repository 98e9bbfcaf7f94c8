package fr.passerelle.reporting;

import java.util.ArrayList;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the exports on the engine's job executor: a job of type {@value #RUN} (an export to
 * write) or {@value #PURGE} (its file's retention is over, due then) carries the export's id and
 * its association as the job's tenant. The engine's job table is the queue: every node's job
 * executor acquires from it, a job locked by a node that died is taken again when its lock
 * expires, so a restart loses no export.
 */
@Component
class ExportJobPlugin extends AbstractProcessEnginePlugin {
    static final String RUN = "passerelle-export";
    static final String PURGE = "passerelle-export-purge";
    private final ObjectProvider<ExportJobs> exports;

    ExportJobPlugin(ObjectProvider<ExportJobs> exports) {
        this.exports = exports;
    }

    record ExportId(UUID id) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return id.toString();
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<>());
        }
        configuration.getCustomJobHandlers().add(handler(RUN));
        configuration.getCustomJobHandlers().add(handler(PURGE));
    }

    private JobHandler<ExportId> handler(String type) {
        return new JobHandler<>() {
            @Override
            public String getType() {
                return type;
            }

            @Override
            public void execute(ExportId export, ExecutionEntity execution, CommandContext context, String tenantId) {
                if (RUN.equals(type)) {
                    exports.getObject().run(export.id(), tenantId);
                } else {
                    exports.getObject().purge(export.id(), tenantId);
                }
            }

            @Override
            public ExportId newConfiguration(String canonicalString) {
                return new ExportId(UUID.fromString(canonicalString));
            }

            @Override
            public void onDelete(ExportId export, JobEntity job) {}
        };
    }
}
