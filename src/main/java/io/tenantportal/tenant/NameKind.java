package io.tenantportal.tenant;

import java.util.Arrays;
import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Why a name reaches a customer. When one key is reached several ways, the first kind here is kept. */
public enum NameKind {
    DISPLAY_NAME, DOMAIN, ALIAS;

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<NameKind, String> {
        @Override
        public String convertToDatabaseColumn(NameKind kind) {
            return kind == null ? null : kind.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public NameKind convertToEntityAttribute(String text) {
            return text == null ? null
                    : Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(text)).findFirst().orElseThrow();
        }
    }
}
