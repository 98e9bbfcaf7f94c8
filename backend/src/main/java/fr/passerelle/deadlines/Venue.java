package fr.passerelle.deadlines;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The departments a case's deadlines may count in: where the applicant lives (the case's
 * department, which follows a move), the prefecture that decided or receives the application, and
 * the tribunal administratif that hears the appeal. Holidays extend a court deadline in the
 * court's department (art. 642 CPC), and the competent court is the one of the authority that
 * decided (R312-1 CJA), not the applicant's first department. Any of the three may be unknown
 * (null); at least one must be given.
 *
 * <p>{@link #departmentsFor(DeadlineRule)} gives the candidate calendars of a rule: the court's
 * when known, else both the prefecture's and the case's (the deadline is computed in each and the
 * earlier kept: in time under either reading); the prefecture's for what is filed there; the
 * national calendar for a cour administrative d'appel (none sits in Alsace-Moselle or overseas,
 * R221-7 CJA).
 *
 * @param caseDepartment       the applicant's department now (the case's), or null
 * @param prefectureDepartment the department of the prefecture that decided or receives the application, or null
 * @param courtDepartment      the department of the tribunal administratif seized (or to seize), or null
 */
public record Venue(String caseDepartment, String prefectureDepartment, String courtDepartment) {

    /** Any metropolitan department but 57, 67 and 68: the national holidays only (every CAA seat). */
    static final String NATIONAL = "75";

    public Venue {
        caseDepartment = blankToNull(caseDepartment);
        prefectureDepartment = blankToNull(prefectureDepartment);
        courtDepartment = blankToNull(courtDepartment);
        if (caseDepartment == null && prefectureDepartment == null && courtDepartment == null) {
            throw new IllegalArgumentException("A venue needs at least one department (case, prefecture or court)");
        }
    }

    /** Everything in one department. */
    public static Venue of(String department) {
        return new Venue(department, null, null);
    }

    /**
     * The departments whose calendar may apply to {@code rule}, first the one the law names; more
     * than one when the court (or the prefecture) is not known and the case's department differs.
     */
    public List<String> departmentsFor(DeadlineRule rule) {
        List<String> candidates = new ArrayList<>();
        switch (rule.calendar()) {
            case COURT -> {
                if (courtDepartment != null) {
                    candidates.add(courtDepartment);
                } else {
                    addIfKnown(candidates, prefectureDepartment);
                    addIfKnown(candidates, caseDepartment);
                }
            }
            case PREFECTURE -> {
                if (prefectureDepartment != null) {
                    candidates.add(prefectureDepartment);
                } else {
                    addIfKnown(candidates, caseDepartment);
                    addIfKnown(candidates, courtDepartment);
                }
            }
            case COURT_OF_APPEAL -> candidates.add(NATIONAL);
            case NONE -> {
                addIfKnown(candidates, courtDepartment);
                addIfKnown(candidates, prefectureDepartment);
                addIfKnown(candidates, caseDepartment);
            }
        }
        if (candidates.isEmpty()) {
            addIfKnown(candidates, courtDepartment);
            addIfKnown(candidates, prefectureDepartment);
            addIfKnown(candidates, caseDepartment);
        }
        return List.copyOf(new LinkedHashSet<>(candidates));
    }

    private static void addIfKnown(List<String> list, String department) {
        if (department != null) {
            list.add(department);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
