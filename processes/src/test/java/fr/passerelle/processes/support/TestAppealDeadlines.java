package fr.passerelle.processes.support;

import fr.passerelle.processes.AppealDeadlines;

/** The {@code appealDeadlines} bean of the process tests: the real one, over the {@link TestDeadlines} stand-in. */
public class TestAppealDeadlines extends AppealDeadlines {
  public TestAppealDeadlines(TestDeadlines deadlines) {
    super(deadlines::due);
  }
}
