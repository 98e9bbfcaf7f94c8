package fr.passerelle.procedure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form-js condition ({@code conditional.hide}), a FEEL expression, evaluated as form-js does
 * so that the backend requires a field exactly when the form shows it. Only the shapes the
 * forms use are understood: a variable, {@code not(...)}, {@code =} and {@code !=} between a
 * variable and a literal (text, number, {@code true}, {@code false}, {@code null}), {@code and},
 * {@code or} and parentheses. Anything else is refused when the form is read (at start-up, by
 * {@link FormCatalogCheck}), never guessed.
 *
 * <p>FEEL's semantics: a missing variable is {@code null}; {@code null = "X"} is false and
 * {@code null != "X"} true; {@code not(null)} is null; a field is hidden only when its condition is
 * {@code true}.
 */
final class FormCondition {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(\"(?:[^\"\\\\]|\\\\.)*\")|(-?\\d+(?:\\.\\d+)?)|(!=|=|\\(|\\))|([A-Za-z_][A-Za-z0-9_]*))");
    private final String source;
    private final Node root;

    private FormCondition(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /** Parses {@code =expression}; throws {@link IllegalArgumentException} on a shape it does not know. */
    static FormCondition parse(String expression) {
        String text = expression.strip();
        if (!text.startsWith("=")) {
            throw new IllegalArgumentException("not a FEEL expression (no leading '='): " + expression);
        }
        Parser parser = new Parser(tokens(text.substring(1), expression), expression);
        Node root = parser.or();
        if (parser.position != parser.tokens.size()) {
            throw new IllegalArgumentException(
                    "unexpected '" + parser.tokens.get(parser.position) + "' in " + expression);
        }
        return new FormCondition(expression, root);
    }

    /** The expression's value (Boolean, String, BigDecimal or null) with the variables {@code values} gives. */
    Object evaluate(Function<String, Object> values) {
        return root.evaluate(values);
    }

    boolean holds(Function<String, Object> values) {
        return Boolean.TRUE.equals(evaluate(values));
    }

    /** The variables the condition reads. */
    List<String> variables() {
        List<String> names = new ArrayList<>();
        root.collect(names);
        return names;
    }

    @Override
    public String toString() {
        return source;
    }

    private static List<String> tokens(String text, String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (text.substring(at).isBlank()) {
                break;
            }
            if (!matcher.find(at) || matcher.start() != at) {
                throw new IllegalArgumentException(
                        "cannot read '" + text.substring(at).strip() + "' in " + expression);
            }
            tokens.add(matcher.group().strip());
            at = matcher.end();
        }
        return tokens;
    }

    private interface Node {
        Object evaluate(Function<String, Object> values);

        default void collect(List<String> names) {}
    }

    private record Literal(Object value) implements Node {
        public Object evaluate(Function<String, Object> values) {
            return value;
        }
    }

    private record Variable(String name) implements Node {
        public Object evaluate(Function<String, Object> values) {
            Object value = values.apply(name);
            if (value instanceof Number number && !(value instanceof BigDecimal)) {
                return new BigDecimal(number.toString());
            }
            return value;
        }

        public void collect(List<String> names) {
            names.add(name);
        }
    }

    private record Not(Node operand) implements Node {
        public Object evaluate(Function<String, Object> values) {
            return operand.evaluate(values) instanceof Boolean b ? !b : null;
        }

        public void collect(List<String> names) {
            operand.collect(names);
        }
    }

    private record Equals(Node left, Node right, boolean negated) implements Node {
        public Object evaluate(Function<String, Object> values) {
            Object a = left.evaluate(values);
            Object b = right.evaluate(values);
            boolean equal;
            if (a == null || b == null) {
                equal = a == b;
            } else if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                equal = x.compareTo(y) == 0;
            } else if (a.getClass() != b.getClass()) {
                return null; // FEEL: values of different types are not comparable
            } else {
                equal = Objects.equals(a, b);
            }
            return negated != equal;
        }

        public void collect(List<String> names) {
            left.collect(names);
            right.collect(names);
        }
    }

    private record Junction(Node left, Node right, boolean and) implements Node {
        public Object evaluate(Function<String, Object> values) {
            Object a = left.evaluate(values);
            Object b = right.evaluate(values);
            Boolean x = a instanceof Boolean v ? v : null;
            Boolean y = b instanceof Boolean v ? v : null;
            if (and) {
                if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) {
                    return false;
                }
                return x != null && y != null ? Boolean.TRUE : null;
            }
            if (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)) {
                return true;
            }
            return x != null && y != null ? Boolean.FALSE : null;
        }

        public void collect(List<String> names) {
            left.collect(names);
            right.collect(names);
        }
    }

    private static final class Parser {
        final List<String> tokens;
        final String expression;
        int position;

        Parser(List<String> tokens, String expression) {
            this.tokens = tokens;
            this.expression = expression;
        }

        Node or() {
            Node node = and();
            while (accept("or")) {
                node = new Junction(node, and(), false);
            }
            return node;
        }

        Node and() {
            Node node = comparison();
            while (accept("and")) {
                node = new Junction(node, comparison(), true);
            }
            return node;
        }

        Node comparison() {
            Node left = operand();
            if (accept("=")) {
                return new Equals(left, operand(), false);
            }
            if (accept("!=")) {
                return new Equals(left, operand(), true);
            }
            return left;
        }

        Node operand() {
            String token = next();
            if (token.equals("not")) {
                expect("(");
                Node inner = or();
                expect(")");
                return new Not(inner);
            }
            if (token.equals("(")) {
                Node inner = or();
                expect(")");
                return inner;
            }
            if (token.startsWith("\"")) {
                return new Literal(token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1"));
            }
            if (Character.isDigit(token.charAt(0)) || token.startsWith("-")) {
                return new Literal(new BigDecimal(token));
            }
            return switch (token) {
                case "true" -> new Literal(Boolean.TRUE);
                case "false" -> new Literal(Boolean.FALSE);
                case "null" -> new Literal(null);
                case "and", "or", "=", "!=", ")" ->
                    throw new IllegalArgumentException("unexpected '" + token + "' in " + expression);
                default -> new Variable(token);
            };
        }

        private String next() {
            if (position >= tokens.size()) {
                throw new IllegalArgumentException("incomplete expression " + expression);
            }
            return tokens.get(position++);
        }

        private boolean accept(String token) {
            if (position < tokens.size() && tokens.get(position).equals(token)) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw new IllegalArgumentException("expected '" + token + "' in " + expression);
            }
        }
    }
}
