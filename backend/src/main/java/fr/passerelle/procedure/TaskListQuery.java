package fr.passerelle.procedure;

import fr.passerelle.cases.Ground;
import fr.passerelle.web.InputRefusal.Fault;
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
                    .orElseThrow(() -> BadValue.notChoice(
                            Arrays.stream(values()).map(Scope::parameter).collect(Collectors.joining(", "))));
        }
    }

    /** Reads the request's parameters; every fault is named by its parameter (400), none is ignored. */
    static TaskListQuery parse(MultiValueMap<String, String> request) {
        Map<String, Fault> errors = new TreeMap<>();
        Map<String, String> parameters = new TreeMap<>();
        request.forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                String known = PARAMETERS.stream().sorted().collect(Collectors.joining(", "));
                errors.put(
                        name,
                        Fault.of("unknown_parameter", "is not a parameter of this list; expected one of {0}", known));
            } else if (values.size() > 1) {
                errors.put(name, Fault.of("repeated", "given {0} times; give it once", values.size()));
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
            errors.putIfAbsent(
                    "assignee",
                    Fault.of(
                            "assignee_needs_association_scope",
                            "only with scope=association (the other scopes say whose tasks already)"));
        }
        if ((long) page * size > MAX_OFFSET) {
            errors.putIfAbsent(
                    "page",
                    Fault.of(
                            "too_deep", "too deep (more than {0} tasks in): narrow the list with filters", MAX_OFFSET));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new TaskListQuery(scope, step, ground, prefecture, dueWithinDays, overdue, assignee, page, size);
    }

    /** A task list asked for with parameters it cannot take: 400, each named. */
    static InvalidInputException invalid(Map<String, Fault> errors) {
        return new InvalidInputException(errors);
    }

    private static Ground ground(String article) {
        return Arrays.stream(Ground.values())
                .filter(ground -> ground.article().equals(article))
                .findFirst()
                .orElseThrow(() -> BadValue.notChoice(
                        Arrays.stream(Ground.values()).map(Ground::article).collect(Collectors.joining(", "))));
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadValue(Fault.of("not_boolean", "must be true or false"));
        };
    }

    /** A parameter's value refused, with what is wrong with it. */
    private static final class BadValue extends IllegalArgumentException {
        private final transient Fault fault;

        BadValue(Fault fault) {
            super(fault.message());
            this.fault = fault;
        }

        static BadValue notChoice(String choices) {
            return new BadValue(Fault.of("not_choice", "must be one of {0}", choices));
        }
    }

    private record Reader(Map<String, String> parameters, Map<String, Fault> errors) {
        <T> T read(String name, Function<String, T> parse, T absent) {
            String value = parameters.get(name);
            if (value == null) {
                return absent;
            }
            try {
                return parse.apply(value);
            } catch (BadValue e) {
                errors.put(name, e.fault);
                return absent;
            }
        }

        String text(String name, int maxLength) {
            return read(
                    name,
                    value -> {
                        if (value.isBlank() || value.length() > maxLength) {
                            throw new BadValue(Fault.of("not_length", "must have 1 to {0} characters", maxLength));
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
                            if (number >= min && number <= max) {
                                return number;
                            }
                        } catch (NumberFormatException e) {
                            // refused below, as a number out of bounds is
                        }
                        throw new BadValue(Fault.of("not_between", "must be a whole number from {0} to {1}", min, max));
                    },
                    absent);
        }
    }
}
