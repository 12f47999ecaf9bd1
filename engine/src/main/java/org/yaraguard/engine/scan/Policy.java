package org.yaraguard.engine.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaraguard.engine.yara.YaraRuleInfo;

/**
 * Decides the action of a matching rule: its {@code action} meta; else the first mapping (by rule-name glob, tag
 * or namespace glob) that fits; else the default. Mappings let a third-party rule set be adopted by configuration
 * alone, e.g. {@code rule:*_looks_clean=clean,tag:pua=log,namespace:vendor/*=tag}.
 */
public final class Policy {

    /** What a mapping looks at. */
    public enum Key { RULE, TAG, NAMESPACE }

    /** One {@code key:pattern=action} entry; patterns are globs with {@code *} and {@code ?}. */
    public record Mapping(Key key, String pattern, Action action) {

        @Override
        public String toString() {
            return key.name().toLowerCase(Locale.ROOT) + ":" + pattern + "=" + action.label();
        }
    }

    /** A mapping with its glob compiled once. */
    private record CompiledMapping(Mapping mapping, Pattern glob) {

        boolean fits(YaraRuleInfo rule) {
            return switch (mapping.key()) {
                case RULE -> glob.matcher(rule.identifier()).matches();
                case NAMESPACE -> glob.matcher(rule.namespace()).matches();
                case TAG -> rule.tags().stream().anyMatch(tag -> glob.matcher(tag).matches());
            };
        }
    }

    private final List<Mapping> mappings;
    private final List<CompiledMapping> compiled;
    private final Action defaultAction;

    public Policy(List<Mapping> mappings, Action defaultAction) {
        this.mappings = List.copyOf(mappings);
        this.compiled = this.mappings.stream().map(m -> new CompiledMapping(m, globPattern(m.pattern()))).toList();
        this.defaultAction = defaultAction;
    }

    /** Every match rejects unless its meta says otherwise. */
    public static Policy defaults() {
        return new Policy(List.of(), Action.REJECT);
    }

    /**
     * Parses a comma-separated list of {@code rule:GLOB=ACTION}, {@code tag:GLOB=ACTION} and
     * {@code namespace:GLOB=ACTION}; blank means no mappings.
     */
    public static Policy parse(String spec, Action defaultAction) {
        List<Mapping> mappings = new ArrayList<>();
        if (spec != null && !spec.isBlank()) {
            for (String entry : spec.split(",")) {
                mappings.add(parseMapping(entry.trim()));
            }
        }
        return new Policy(mappings, defaultAction);
    }

    private static Mapping parseMapping(String entry) {
        int colon = entry.indexOf(':');
        int equals = entry.lastIndexOf('=');
        if (colon <= 0 || equals < colon + 2 || equals == entry.length() - 1) {
            throw new IllegalArgumentException("policy entry \"" + entry
                    + "\" is not KEY:PATTERN=ACTION (KEY is rule, tag or namespace)");
        }
        Key key = switch (entry.substring(0, colon).trim().toLowerCase(Locale.ROOT)) {
            case "rule" -> Key.RULE;
            case "tag" -> Key.TAG;
            case "namespace" -> Key.NAMESPACE;
            default -> throw new IllegalArgumentException("policy entry \"" + entry
                    + "\": key must be rule, tag or namespace");
        };
        return new Mapping(key, entry.substring(colon + 1, equals).trim(), Action.parse(entry.substring(equals + 1)));
    }

    public List<Mapping> mappings() {
        return mappings;
    }

    public Action defaultAction() {
        return defaultAction;
    }

    /** The action for matches of {@code rule}, and the reason. */
    public ResolvedAction resolve(YaraRuleInfo rule) {
        Object meta = rule.meta().get("action");
        String invalidMeta = "";
        if (meta instanceof String text) {
            try {
                return new ResolvedAction(Action.parse(text), "meta action");
            } catch (IllegalArgumentException e) {
                invalidMeta = " (meta action \"" + text + "\" is not an action)";
            }
        }
        for (CompiledMapping candidate : compiled) {
            if (candidate.fits(rule)) {
                return new ResolvedAction(candidate.mapping().action(), "policy " + candidate.mapping() + invalidMeta);
            }
        }
        return new ResolvedAction(defaultAction, "default action" + invalidMeta);
    }

    private static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString());
    }
}
