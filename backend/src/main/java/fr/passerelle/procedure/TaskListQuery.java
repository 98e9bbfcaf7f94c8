package fr.passerelle.procedure;

import fr.passerelle.cases.Ground;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * One page of a task list: whose tasks ({@link Scope}), narrowed by procedure step, ground,
 * prefecture, deadline or assignee; always soonest deadline first.
 */
record TaskListQuery(
        Scope scope,
        String step,
        Ground ground,
        String prefecture,
        Integer dueWithinDays,
        Boolean overdue,
        String assignee,
        int page,
        int size) {
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Deep pages are a sign of a list that should be filtered; past this, ask for filters. */
    static final int MAX_OFFSET = 10_000;

    static final Set<String> PARAMETERS =
            Set.of("scope", "step", "ground", "prefecture", "dueWithinDays", "overdue", "assignee", "page", "size");

    enum Scope {
        /** Assigned to me. */
        MINE("mine"),
        /** Nobody's yet, offered to one of my roles in the association (or to me by name). */
        GROUPS("groups"),
        /** Both: what a caseworker works from. */
        MINE_AND_GROUPS("mine-and-groups"),
        /** Every open task of the association: coordinators only. */
        ASSOCIATION("association");

        private final String parameter;

        Scope(String parameter) {
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }

        static Scope of(String parameter) {
            return Arrays.stream(values())
                    .filter(scope -> scope.parameter.equals(parameter))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("expected one of "
                            + Arrays.stream(values()).map(Scope::parameter).collect(Collectors.joining(", "))));
        }
    }

    /** Reads the request's parameters; every fault is named by its parameter (400), none is ignored. */
    static TaskListQuery parse(MultiValueMap<String, String> request) {
        Map<String, String> errors = new TreeMap<>();
        Map<String, String> parameters = new TreeMap<>();
        request.forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                errors.put(
                        name,
                        "unknown parameter; expected one of "
                                + PARAMETERS.stream().sorted().collect(Collectors.joining(", ")));
            } else if (values.size() > 1) {
                errors.put(name, "given " + values.size() + " times; give it once");
            } else {
                parameters.put(name, values.get(0));
            }
        });
        var reader = new Reader(parameters, errors);
        Scope scope = reader.read("scope", Scope::of, Scope.MINE_AND_GROUPS);
        String step = reader.text("step", 100);
        Ground ground = reader.read("ground", TaskListQuery::ground, null);
        String prefecture = reader.text("prefecture", 200);
        Integer dueWithinDays = reader.integer("dueWithinDays", 0, 3650, null);
        Boolean overdue = reader.read("overdue", TaskListQuery::bool, null);
        String assignee = reader.text("assignee", 100);
        int page = reader.integer("page", 0, Integer.MAX_VALUE, 0);
        int size = reader.integer("size", 1, MAX_SIZE, DEFAULT_SIZE);
        if (assignee != null && scope != Scope.ASSOCIATION) {
            errors.putIfAbsent("assignee", "only with scope=association (the other scopes say whose tasks already)");
        }
        if ((long) page * size > MAX_OFFSET) {
            errors.putIfAbsent(
                    "page", "too deep (more than " + MAX_OFFSET + " tasks in): narrow the list with filters");
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new TaskListQuery(scope, step, ground, prefecture, dueWithinDays, overdue, assignee, page, size);
    }

    /** A task list asked for with parameters it cannot take: 400, each named. */
    static InvalidInputException invalid(Map<String, String> errors) {
        return InvalidInputException.worded(errors);
    }

    private static Ground ground(String article) {
        return Arrays.stream(Ground.values())
                .filter(ground -> ground.article().equals(article))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("expected one of "
                        + Arrays.stream(Ground.values()).map(Ground::article).collect(Collectors.joining(", "))));
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private record Reader(Map<String, String> parameters, Map<String, String> errors) {
        <T> T read(String name, Function<String, T> parse, T absent) {
            String value = parameters.get(name);
            if (value == null) {
                return absent;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                errors.put(name, "'" + value + "': " + e.getMessage());
                return absent;
            }
        }

        String text(String name, int maxLength) {
            return read(
                    name,
                    value -> {
                        if (value.isBlank() || value.length() > maxLength) {
                            throw new IllegalArgumentException("expected 1 to " + maxLength + " characters");
                        }
                        return value;
                    },
                    null);
        }

        Integer integer(String name, int min, int max, Integer absent) {
            return read(
                    name,
                    value -> {
                        try {
                            int number = Integer.parseInt(value);
                            if (number < min || number > max) {
                                throw new IllegalArgumentException(
                                        "expected a whole number from " + min + " to " + max);
                            }
                            return number;
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("expected a whole number from " + min + " to " + max);
                        }
                    },
                    absent);
        }
    }
}
