package fr.passerelle.procedure;

import fr.passerelle.tenancy.AssociationScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Other modules' work on the engine's job executor: a job carries a thing's id and its association as
 * the job's tenant, and runs the {@link BackgroundJob} that names its type. The engine's job table is
 * the queue, each job runs in its association's scope: every node's job executor acquires from it, a job locked by a node that died is taken
 * again when its lock expires, so a restart loses nothing.
 */
@Component
public class BackgroundJobs extends AbstractProcessEnginePlugin {
    private final ObjectProvider<BackgroundJob> jobs;
    private final ObjectProvider<ProcessEngine> engine;
    private final AssociationScope scope;

    BackgroundJobs(ObjectProvider<BackgroundJob> jobs, ObjectProvider<ProcessEngine> engine, AssociationScope scope) {
        this.jobs = jobs;
        this.engine = engine;
        this.scope = scope;
    }

    /** A job (in the caller's transaction) of that type for {@code id}; due at once, or at {@code due}. */
    public String send(String type, UUID id, String tenant, Instant due) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            MessageEntity job = new MessageEntity();
            job.setJobHandlerType(type);
            job.setJobHandlerConfigurationRaw(id.toString());
            job.setTenantId(tenant);
            if (due != null) {
                job.setDuedate(Date.from(due));
            }
            context.getJobManager().send(job);
            return job.getId();
        });
    }

    record JobId(UUID id) implements JobHandlerConfiguration {
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
        List<JobHandler> handlers = configuration.getCustomJobHandlers();
        jobs.orderedStream().forEach(job -> job.types().forEach(type -> handlers.add(handler(type, job))));
    }

    private JobHandler<JobId> handler(String type, BackgroundJob job) {
        return new JobHandler<>() {
            @Override
            public String getType() {
                return type;
            }

            @Override
            public void execute(JobId id, ExecutionEntity execution, CommandContext context, String tenantId) {
                scope.run(tenantId, () -> job.run(type, id.id(), tenantId));
            }

            @Override
            public JobId newConfiguration(String canonicalString) {
                return new JobId(UUID.fromString(canonicalString));
            }

            @Override
            public void onDelete(JobId id, JobEntity entity) {}
        };
    }
}
