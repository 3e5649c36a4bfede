package io.tenantportal.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Where a mapping came from. Sync never overwrites {@code manual} mappings. */
public enum CustomerSource {
    MANUAL, GRAPH, IMPORT;

    /** What a PUT may name: graph is kept by a PUT of a customer the sync manages, never set by one. */
    static final String PUT_RULE = "must be manual or import; graph is set by sync only";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CustomerSource> fromWire(String text) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(text)).findFirst();
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<CustomerSource, String> {
        @Override
        public String convertToDatabaseColumn(CustomerSource source) {
            return source == null ? null : source.wire();
        }

        @Override
        public CustomerSource convertToEntityAttribute(String text) {
            return text == null ? null : fromWire(text).orElseThrow();
        }
    }
}
