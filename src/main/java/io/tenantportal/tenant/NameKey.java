package io.tenantportal.tenant;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.tenantportal.problem.ProblemException;

/**
 * How names are compared. The exact key is NFKC, case folded without regard to locale, trimmed,
 * inner white space collapsed: "ＣＯＮＴＯＳＯ  Ltd" and "contoso ltd" share one key. The loose key
 * also drops punctuation and trailing legal suffixes ("Contoso Limited" is "contoso"); it is used
 * only when the exact key finds nothing, and only when it names exactly one customer.
 */
public final class NameKey {

    public static final int MAX_LENGTH = 256;

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
    /** Marks that join a word rather than separate words: "O'Neil", "S.A.". */
    private static final Pattern JOINERS = Pattern.compile("['’`.]");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");
    private static final Set<String> LEGAL_SUFFIXES = Set.of(
            "ltd", "limited", "inc", "incorporated", "llc", "llp", "lp", "plc", "gmbh", "mbh", "ag", "kg",
            "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "corp", "corporation", "co", "company", "pty", "pte",
            "oy", "ab", "as", "aps", "kft", "sro", "kk", "pvt");

    private NameKey() {
    }

    /**
     * Refuses what is never a name: absent, blank, longer than {@value #MAX_LENGTH} characters, or
     * holding control, format or line-separator characters (which can hide or split text).
     */
    public static String requireValid(String raw, String field) {
        problem(raw).ifPresent(message -> {
            throw ProblemException.invalidField(field, message);
        });
        return raw;
    }

    /** What {@link #requireValid} refuses in the text, in its words; empty when the text is a valid name. */
    public static Optional<String> problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (raw.codePointCount(0, raw.length()) > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (plainAscii(raw)) {
            return Optional.empty();
        }
        return raw.codePoints().anyMatch(NameKey::invisible)
                ? Optional.of("must not contain control or invisible characters") : Optional.empty();
    }

    /** A control, format, separator or unassigned character: one that can hide or split text. */
    static boolean invisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    /** The exact key of a name. */
    public static String exact(String name) {
        if (plainAscii(name)) {
            // What the general path gives such a name (NFKC and case folding keep printable ASCII
            // ASCII, and there is no white space to collapse), without its cost on every request.
            return name.toLowerCase(Locale.ROOT);
        }
        return exactByUnicode(name);
    }

    /** The exact key by the general rules: NFKC, case folding (locale-independent), white space collapsed. */
    static String exactByUnicode(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        String normalised = Normalizer.normalize(folded, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(normalised).replaceAll(" ").strip();
    }

    /** Printable ASCII with single inner spaces only: the names links and PSAs send nearly always. */
    static boolean plainAscii(String text) {
        int length = text.length();
        if (length == 0 || text.charAt(0) == ' ' || text.charAt(length - 1) == ' ') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~' || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** The loose key of a name; empty when nothing but punctuation is left. */
    public static String loose(String name) {
        String words = PUNCTUATION.matcher(JOINERS.matcher(exact(name)).replaceAll("")).replaceAll(" ").strip();
        if (words.isEmpty()) {
            return "";
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(WHITESPACE.split(words)));
        while (tokens.size() > 1 && LEGAL_SUFFIXES.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        return String.join("", tokens);
    }
}
