package io.tenantportal.problem;

/** Query parameter parsing that answers 400 problem+json instead of a framework error page. */
public final class Params {

    private Params() {
    }

    public static int boundedInt(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below with the allowed range
        }
        throw ProblemException.invalidField(name, "must be a whole number from " + min + " to " + max);
    }
}
