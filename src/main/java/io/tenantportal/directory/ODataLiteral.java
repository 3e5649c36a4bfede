package io.tenantportal.directory;

/** OData string literals: single quotes around, a quote inside doubled, so the text can never end the literal. */
final class ODataLiteral {

    private ODataLiteral() {
    }

    static String string(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
