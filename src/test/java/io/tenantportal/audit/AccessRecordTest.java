package io.tenantportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class AccessRecordTest {

    @Test
    void aResolvedRecordKeepsTheTenantAndNotTheName() {
        UUID tenant = UUID.randomUUID();
        AccessRecord record = new AccessRecord(tenant, "Contoso", "defender", 302);
        assertEquals(tenant, record.tenantId());
        assertNull(record.name());
    }

    @Test
    void anUnresolvedNameIsCutToItsFirst100CharactersWithoutSplittingOne() {
        assertEquals("x".repeat(100), AccessRecord.unresolved("x".repeat(300), "defender", 400).name());
        String emoji = "\uD83D\uDE00";
        assertEquals(emoji.repeat(100), AccessRecord.unresolved(emoji.repeat(101), "defender", 400).name());
        assertEquals("Contso", AccessRecord.unresolved("Contso", null, 404).name());
    }

    @Test
    void controlCharactersAreReplacedSoTheDatabaseTakesTheName() {
        assertEquals("a\uFFFDb\uFFFDc", AccessRecord.unresolved("a\u0000b\nc", "defender", 400).name());
    }
}
