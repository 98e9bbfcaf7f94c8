package fr.passerelle.alerts;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The dispatcher runs on a schedule, on every node ({@link ReminderDispatcher}). */
@Configuration
@EnableScheduling
class AlertsConfiguration {}
