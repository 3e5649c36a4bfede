package io.tenantportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.tenantportal.problem.ProblemException;

class NameKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ＣＯＮＴＯＳＯ|contoso",
            "'  Contoso   Ltd. '|contoso ltd.",
            "Straße|strasse",
            "contoso\u00a0\u2003ltd|contoso ltd",
            "ǅemal|džemal",
            "İstanbul|i̇stanbul" })
    void exactKeyFoldsWidthCaseAndSpace(String name, String key) {
        assertEquals(key, NameKey.exact(name));
    }

    @Test
    void plainAsciiNamesTakeTheShortPathToTheSameKey() {
        java.util.Random random = new java.util.Random(42);
        int shortPath = 0;
        for (int i = 0; i < 20000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                // printable ASCII, spaces (doubled now and then), and now and then a tab or a non-ASCII letter
                int pick = random.nextInt(40);
                name.append(pick == 0 ? '\t' : pick == 1 ? 'É' : pick < 6 ? ' ' : (char) (' ' + 1 + random.nextInt(94)));
            }
            String text = name.toString();
            if (NameKey.plainAscii(text)) {
                shortPath++;
            }
            assertEquals(NameKey.exactByUnicode(text), NameKey.exact(text), "key of \"" + text + "\"");
        }
        assertTrue(shortPath > 5000, "too few names took the short path to prove it: " + shortPath);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Contoso Ltd.|contoso",
            "Contoso Limited|contoso",
            "CONTOSO, INC.|contoso",
            "Contoso GmbH & Co. KG|contoso",
            "Contoso S.A.|contoso",
            "O'Neil Partners LLC|oneilpartners",
            "Tailspin-Toys Corp|tailspintoys",
            "Ltd|ltd",
            "...|''" })
    void looseKeyDropsPunctuationAndLegalSuffixes(String name, String key) {
        assertEquals(key, NameKey.loose(name));
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\u0000b", "a\rb", "a\nb", "a\u202eb", "a\u200bb", "a\u2028b", "\t" })
    void controlAndInvisibleCharactersAreRefused(String name) {
        ProblemException e = assertThrows(ProblemException.class, () -> NameKey.requireValid(name, "name"));
        assertEquals(400, e.status());
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        String emoji = "😀".repeat(256);
        assertEquals(emoji, NameKey.requireValid(emoji, "name"));
        assertThrows(ProblemException.class, () -> NameKey.requireValid(emoji + "a", "name"));
    }

    @Test
    void blankIsRefused() {
        assertThrows(ProblemException.class, () -> NameKey.requireValid("   ", "name"));
        assertThrows(ProblemException.class, () -> NameKey.requireValid(null, "name"));
    }
}
