package io.tenantportal.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Where a mapping came from. Sync never overwrites {@code manual} mappings. */
public enum CustomerSource {
    MANUAL, GRAPH, IMPORT;

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
