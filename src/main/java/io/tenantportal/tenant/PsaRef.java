package io.tenantportal.tenant;

import java.util.List;
import java.util.Locale;
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
        @Schema(description = "connectwise, autotask, halopsa, servicenow, or x- followed by 1-30 of [a-z0-9-]")
        @ValidPsaSystem String system,
        @Schema(description = "the system's own id of the company, 1-128 printable characters, compared exactly")
        @ValidPsaId String id) {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_PER_CUSTOMER = 20;
    static final String SYSTEM_RULE =
            "must be connectwise, autotask, halopsa, servicenow, or x- followed by 1-30 of a-z, 0-9 and -";
    /** What a null entry of a list of references is told (braces escaped for Bean Validation's messages). */
    public static final String SHAPE_RULE = "must be \\{\"system\": ..., \"id\": ...\\}";
    private static final Pattern SYSTEM = Pattern.compile("connectwise|autotask|halopsa|servicenow|x-[a-z0-9-]{1,30}");

    /** A validated reference; the system name is taken in lower case. */
    public static PsaRef of(String system, String id, String field) {
        return new PsaRef(system(system, field + ".system"), id(id, field + ".id"));
    }

    /** References that passed their constraints, system names in lower case and repeats dropped, in the order given. */
    public static List<PsaRef> normalised(List<PsaRef> valid) {
        return valid.stream().map(ref -> new PsaRef(lowerCase(ref.system()), ref.id())).distinct().toList();
    }

    /** A known system name in lower case, or 400 naming the field. */
    public static String system(String system, String field) {
        if (!validSystem(system)) {
            throw ProblemException.invalidField(field, SYSTEM_RULE);
        }
        return lowerCase(system);
    }

    static boolean validSystem(String system) {
        return system != null && SYSTEM.matcher(lowerCase(system)).matches();
    }

    private static String lowerCase(String system) {
        return system.strip().toLowerCase(Locale.ROOT);
    }

    /** The id as given, or 400 naming the field: 1-128 characters, none of them control or invisible. */
    public static String id(String id, String field) {
        idProblem(id).ifPresent(message -> {
            throw ProblemException.invalidField(field, message);
        });
        return id;
    }

    /** What {@link #id} refuses in the id, in its words; empty when the id is valid. */
    static Optional<String> idProblem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (id.codePointCount(0, id.length()) > MAX_ID_LENGTH) {
            return Optional.of("must be at most " + MAX_ID_LENGTH + " characters");
        }
        if (!id.equals(id.strip()) || id.codePoints().anyMatch(NameKey::invisible)) {
            return Optional.of("must be printable characters without leading or trailing space");
        }
        return Optional.empty();
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
