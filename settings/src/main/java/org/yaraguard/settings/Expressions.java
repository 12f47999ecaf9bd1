package org.yaraguard.settings;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * WildFly's expressions in a value: {@code ${name}}, {@code ${a,b:default}}, {@code ${env.X:default}}, defaults that
 * are expressions themselves, {@code ${/}} and {@code ${:}}. Resolved through a lookup (property or {@code env.X}
 * name → value or null), so that the command line can check what the server will see where it knows it.
 */
public final class Expressions {

    /** A value after substitution, or the names nothing could resolve (then {@code value} is null). */
    public record Resolved(String value, List<String> unresolved) {

        public boolean complete() {
            return unresolved.isEmpty();
        }
    }

    private Expressions() {
    }

    public static boolean hasExpression(String text) {
        return text != null && text.contains("${");
    }

    public static Resolved resolve(String text, Function<String, String> lookup) {
        List<String> unresolved = new ArrayList<>();
        String value = substitute(text, lookup, unresolved, 0);
        return new Resolved(unresolved.isEmpty() ? value : null, List.copyOf(unresolved));
    }

    private static String substitute(String text, Function<String, String> lookup, List<String> unresolved,
            int depth) {
        if (depth > 8) {
            unresolved.add(text);
            return "";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            int end = closingBrace(text, start + 2);
            if (end < 0) {
                // An unclosed "${" is taken literally, as WildFly does.
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            out.append(expression(text.substring(start + 2, end), lookup, unresolved, depth));
            i = end + 1;
        }
        return out.toString();
    }

    private static String expression(String body, Function<String, String> lookup, List<String> unresolved,
            int depth) {
        if (body.equals("/")) {
            return File.separator;
        }
        if (body.equals(":")) {
            return File.pathSeparator;
        }
        int colon = topLevelColon(body);
        String names = colon < 0 ? body : body.substring(0, colon);
        for (String name : names.split(",")) {
            String value = lookup.apply(name.trim());
            if (value != null) {
                return value;
            }
        }
        if (colon >= 0) {
            return substitute(body.substring(colon + 1), lookup, unresolved, depth + 1);
        }
        unresolved.add(names.trim());
        return "";
    }

    private static int closingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private static int topLevelColon(String body) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            if (body.startsWith("${", i)) {
                depth++;
                i++;
            } else if (body.charAt(i) == '}') {
                depth--;
            } else if (body.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
