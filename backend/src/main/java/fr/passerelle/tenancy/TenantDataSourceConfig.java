package fr.passerelle.tenancy;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TenantDataSourceConfig {

    /** Wraps the service's data source (not Flyway's, which builds its own as the owner). */
    @Bean
    static BeanPostProcessor tenantBoundDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource
                        && !(bean instanceof TenantBoundDataSource)
                        && "dataSource".equals(beanName)) {
                    return new TenantBoundDataSource(dataSource);
                }
                return bean;
            }
        };
    }
}
