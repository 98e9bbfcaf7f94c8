package fr.passerelle.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock (the service's one clock) set to a wall-clock time in Paris, and back to real time. */
public final class ParisClock {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private ParisClock() {}

    /** Sets the clock to a local Paris time, e.g. {@code 2026-03-02T09:00}. */
    public static void set(String parisDateTime) {
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.parse(parisDateTime).atZone(PARIS).toInstant()));
    }

    public static void reset() {
        ClockUtil.reset();
    }
}
