package io.tenantportal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML page from {@code src/main/resources/web} whose {@code {{name}}} slots are filled with
 * {@link Html}: text is escaped on the way in, so nothing a value holds can become markup. (Qute
 * would do the same, but its dev-mode debugger is not in our Maven repository and breaks
 * {@code quarkus:dev}; the page needs only a few slots.)
 */
final class PageTemplate {

    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    private final String name;
    private final String text;

    private PageTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static PageTemplate load(String name) {
        String path = "web/" + name;
        try (InputStream in = PageTemplate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing page template " + path);
            }
            return new PageTemplate(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String render(Map<String, Html> values) {
        Matcher slot = SLOT.matcher(text);
        StringBuilder page = new StringBuilder(text.length() + 512);
        while (slot.find()) {
            Html value = values.get(slot.group(1));
            if (value == null) {
                throw new IllegalStateException(name + " has a slot without a value: " + slot.group(1));
            }
            slot.appendReplacement(page, Matcher.quoteReplacement(value.markup()));
        }
        slot.appendTail(page);
        return page.toString();
    }

    /** Markup that is safe to put into a page as it is. */
    record Html(String markup) {

        static Html text(String text) {
            StringBuilder escaped = new StringBuilder(text.length() + 16);
            text.codePoints().forEach(c -> {
                switch (c) {
                    case '&' -> escaped.append("&amp;");
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '"' -> escaped.append("&quot;");
                    case '\'' -> escaped.append("&#39;");
                    default -> escaped.appendCodePoint(c);
                }
            });
            return new Html(escaped.toString());
        }
    }
}
