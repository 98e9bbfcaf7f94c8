package fr.passerelle.connections;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;

/**
 * Splits the service's connections into two pools. Spring Boot's pool
 * ({@code spring.datasource.hikari.maximum-pool-size}) serves the requests only; a second pool
 * with the same settings ({@code passerelle.datasource.background-pool-size}) serves the threads
 * of the engine's job executor ({@code camundaTaskExecutor}: job acquisition, timers, exports) and
 * of the scheduler ({@code taskScheduler}: the reminders). Background work that needs more
 * connections than its pool holds waits for its own pool; it cannot make a request wait.
 * <p>Runs before the tenancy's wrapper, which then stamps the association on connections from
 * either pool.
 */
@Configuration
class ConnectionPools {
    static final String BACKGROUND_POOL_SIZE = "passerelle.datasource.background-pool-size";

    @Bean
    static BeanPostProcessor backgroundPool(Environment environment) {
        return new Pools(environment.getProperty(BACKGROUND_POOL_SIZE, Integer.class, 8));
    }

    private record Pools(int backgroundSize) implements BeanPostProcessor, PriorityOrdered {
        @Override
        public int getOrder() {
            return 0;
        }

        @Override
        public Object postProcessBeforeInitialization(Object bean, String name) {
            if (bean instanceof ExecutorConfigurationSupport executor
                    && ("camundaTaskExecutor".equals(name) || "taskScheduler".equals(name))) {
                executor.setThreadFactory(BackgroundWork.marking(executor));
            }
            return bean;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (bean instanceof HikariDataSource requests && "dataSource".equals(name)) {
                HikariConfig config = new HikariConfig();
                requests.copyStateTo(config);
                if (requests.getPoolName() == null) {
                    requests.setPoolName("passerelle-requests");
                }
                config.setPoolName("passerelle-background");
                config.setMaximumPoolSize(backgroundSize);
                // a pool that is not started yet has no minimum: its size then, as Hikari's default
                config.setMinimumIdle(backgroundSize);
                return new ThreadRoutingDataSource(requests, new HikariDataSource(config));
            }
            return bean;
        }
    }
}
