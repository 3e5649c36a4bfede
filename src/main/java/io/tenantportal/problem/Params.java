package io.tenantportal.problem;

/**
 * Query parameter parsing that answers 400 problem+json instead of a framework error page. Parameters
 * are taken as text, not as int with {@code @Min}/{@code @Max}: a non-number fails conversion with 404
 * before any constraint runs.
 */
public final class Params {

    /** Pages count from 0; a size is 1 to this. */
    public static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_PAGE = 1_000_000;

    private Params() {
    }

    /** {@code ?page=}: a page index from 0. */
    public static int page(String text) {
        return boundedInt("page", text, 0, MAX_PAGE);
    }

    /** {@code ?size=}: a page size from 1 to {@value #MAX_PAGE_SIZE}. */
    public static int pageSize(String text) {
        return boundedInt("size", text, 1, MAX_PAGE_SIZE);
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
