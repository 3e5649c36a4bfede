package io.tenantportal.tenant;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tenantportal.problem.ProblemException;

/**
 * A PSA or ticketing system's id for a customer: {@code {"system": "halopsa", "id": "12"}}. The system
 * is one of the known PSAs or a custom {@code x-<name>}; the id is that system's own text, compared
 * exactly. Unique per MSSP and system among live customers.
 */
@Schema(name = "Ref", example = "{\"system\": \"connectwise\", \"id\": \"250\"}")
public record PsaRef(
        @Schema(description = "connectwise, autotask, halopsa, servicenow, or x- followed by 1-30 of [a-z0-9-]") String system,
        @Schema(description = "the system's own id of the company, 1-128 printable characters, compared exactly") String id) {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_PER_CUSTOMER = 20;
    private static final Pattern SYSTEM = Pattern.compile("connectwise|autotask|halopsa|servicenow|x-[a-z0-9-]{1,30}");

    /** A validated reference; the system name is taken in lower case. */
    public static PsaRef of(String system, String id, String field) {
        return new PsaRef(system(system, field + ".system"), id(id, field + ".id"));
    }

    /** At most {@value #MAX_PER_CUSTOMER} validated references, repeats dropped, in the order given. */
    public static List<PsaRef> validList(List<PsaRef> given, String field) {
        if (given.size() > MAX_PER_CUSTOMER) {
            throw ProblemException.invalidField(field, "must hold at most " + MAX_PER_CUSTOMER + " references");
        }
        Set<PsaRef> refs = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            PsaRef ref = given.get(i);
            if (ref == null) {
                throw ProblemException.invalidField(field + "[" + i + "]", "must be {\"system\": ..., \"id\": ...}");
            }
            refs.add(of(ref.system(), ref.id(), field + "[" + i + "]"));
        }
        return List.copyOf(refs);
    }

    /** A known system name in lower case, or 400 naming the field. */
    public static String system(String system, String field) {
        String lower = system == null ? "" : system.strip().toLowerCase(Locale.ROOT);
        if (!SYSTEM.matcher(lower).matches()) {
            throw ProblemException.invalidField(field,
                    "must be connectwise, autotask, halopsa, servicenow, or x- followed by 1-30 of a-z, 0-9 and -");
        }
        return lower;
    }

    /** The id as given, or 400 naming the field: 1-128 characters, none of them control or invisible. */
    public static String id(String id, String field) {
        if (id == null || id.isEmpty()) {
            throw ProblemException.invalidField(field, "must not be empty");
        }
        if (id.codePointCount(0, id.length()) > MAX_ID_LENGTH) {
            throw ProblemException.invalidField(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        if (!id.equals(id.strip()) || id.codePoints().anyMatch(PsaRef::unprintable)) {
            throw ProblemException.invalidField(field,
                    "must be printable characters without leading or trailing space");
        }
        return id;
    }

    private static boolean unprintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    /** How the customer row stores it: {@code system:id} (a system name never holds a colon). */
    String stored() {
        return system + ":" + id;
    }

    static Optional<PsaRef> fromStored(String text) {
        int colon = text.indexOf(':');
        return colon <= 0 ? Optional.empty() : Optional.of(new PsaRef(text.substring(0, colon), text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return stored();
    }
}
