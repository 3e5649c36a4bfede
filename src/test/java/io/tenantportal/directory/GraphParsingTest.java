package io.tenantportal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tenantportal.tenant.DirectoryEntry;

class GraphParsingTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void anODataStringLiteralDoublesEveryQuote() {
        assertEquals("'contoso.com'", ODataLiteral.string("contoso.com"));
        assertEquals("'x'') or (''y'", ODataLiteral.string("x') or ('y"));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(2)), RetryAfterBackoff.parse("2"));
        assertEquals(Optional.of(Duration.ZERO), RetryAfterBackoff.parse("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(Optional.empty(), RetryAfterBackoff.parse("soon"));
    }

    @Test
    void gdapAndContractEntriesAreReadAndUnusableOnesRefused() throws Exception {
        UUID id = UUID.fromString("d4000000-0000-4000-8000-000000000001");
        assertEquals(Optional.of(new DirectoryEntry(id, "Contoso Ltd", null, List.of())), GraphDirectory.entry(
                CustomerList.GDAP, json.readTree("{\"id\":\"" + id + "\",\"displayName\":\" Contoso Ltd \"}")));
        assertEquals(Optional.of(new DirectoryEntry(id, "Contoso Ltd", "contoso.com", List.of())),
                GraphDirectory.entry(CustomerList.CONTRACTS, json.readTree("{\"customerId\":\"" + id
                        + "\",\"displayName\":\"Contoso Ltd\",\"defaultDomainName\":\"Contoso.COM\"}")));
        assertEquals(Optional.of(new DirectoryEntry(id, "Contoso Ltd", null, List.of())),
                GraphDirectory.entry(CustomerList.CONTRACTS, json.readTree("{\"customerId\":\"" + id
                        + "\",\"displayName\":\"Contoso Ltd\",\"defaultDomainName\":\"not a domain')\"}")));
        assertTrue(GraphDirectory.entry(CustomerList.GDAP, json.readTree("{\"tenantId\":\"nope\",\"displayName\":\"X\"}"))
                .isEmpty());
        assertTrue(GraphDirectory.entry(CustomerList.GDAP, json.readTree("{\"tenantId\":\"" + id
                + "\",\"displayName\":\"bad\\u0000name\"}")).isEmpty());
    }
}
