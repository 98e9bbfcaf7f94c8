package fr.passerelle.web;

import fr.passerelle.web.InputRefusal.Fault;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * What text may contain, wherever it enters (JSON bodies, query parameters, path variables,
 * multipart fields, task forms): no control character (C0, DEL, C1) and no lone surrogate;
 * text that is written on several lines ({@link MultiLine}: notes, reasons) may also hold tab,
 * line feed and carriage return. Such text is refused (400 naming the field), not cleaned:
 * a NUL or an escape sequence in a name is a client's bug or an attack, and silently dropping
 * characters would store something the user did not write. Uploaded files' names are the one
 * exception: they are cleaned (the name is ours to choose, the file is what counts).
 */
public final class PlainText {
    private PlainText() {}

    /** A text field written on several lines: tab, line feed and carriage return are allowed in it. */
    @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface MultiLine {}

    /** Why the text is refused, if it is. */
    public static Optional<Fault> fault(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                String shown = String.format("U+%04X", (int) c);
                return Optional.of(
                        multiLine
                                ? Fault.of(
                                        "control_character",
                                        "must not contain control characters (" + shown + ")",
                                        shown)
                                : Fault.of(
                                        "control_character_single_line",
                                        "must be one line without control characters (" + shown + ")",
                                        shown));
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return Optional.of(Fault.of("broken_character", "contains a broken character"));
                }
                i++;
            }
        }
        return Optional.empty();
    }

    public static void require(String field, String text, boolean multiLine) {
        if (text != null) {
            fault(text, multiLine).ifPresent(fault -> {
                throw InputRefusal.invalid(field, fault);
            });
        }
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
