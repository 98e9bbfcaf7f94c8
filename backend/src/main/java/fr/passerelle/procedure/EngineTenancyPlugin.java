package fr.passerelle.procedure;

import fr.passerelle.tenancy.Tenancy;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * Process definitions are shared by all associations; each process instance belongs to the
 * association it was started for. A called sub-process inherits its parent's association,
 * whichever thread (request or job executor) starts it.
 */
@Component
class EngineTenancyPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new TenantIdProvider() {
            @Override
            public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
                if (context.getSuperExecution() != null) {
                    return context.getSuperExecution().getTenantId();
                }
                return Tenancy.currentSlug()
                        .orElseThrow(() ->
                                new IllegalStateException("A process instance must be started for an association"));
            }

            @Override
            public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
                return null;
            }

            @Override
            public String provideTenantIdForHistoricDecisionInstance(
                    TenantIdProviderHistoricDecisionInstanceContext context) {
                return context.getExecution() != null ? context.getExecution().getTenantId() : null;
            }
        });
    }
}
