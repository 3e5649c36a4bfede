package io.tenantportal.transfer;

/** Text taken from an upload into a problem's detail: quoted, short, without control characters. */
final class Problems {

    private static final int MAX_QUOTED = 40;

    private Problems() {
    }

    static String quoted(String text) {
        String clean = text.codePoints().map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + (clean.length() > MAX_QUOTED ? clean.substring(0, MAX_QUOTED) + "…" : clean) + "'";
    }
}
