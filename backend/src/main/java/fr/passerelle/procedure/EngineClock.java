package fr.passerelle.procedure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's one clock: the engine's. Timers, due dates and the history read the engine's
 * {@link ClockUtil}; every other module reads this {@link Clock} bean, so a test that moves the
 * engine's clock moves everything with it.
 */
@Configuration(proxyBeanMethods = false)
class EngineClock {

    @Bean
    Clock clock() {
        return new Engine(ZoneId.systemDefault());
    }

    private static final class Engine extends Clock {
        private final ZoneId zone;

        Engine(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new Engine(zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
