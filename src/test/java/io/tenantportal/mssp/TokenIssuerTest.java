package io.tenantportal.mssp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which issuer each kind of authority expects, as Entra ID names them. */
class TokenIssuerTest {

    static final String TID = "11111111-1111-4111-8111-111111111111";

    @Test
    void organizationsAndCommonAuthoritiesExpectTheTokensOwnTenant() {
        for (String authority : new String[] { "https://login.microsoftonline.com/organizations/v2.0",
                "https://login.microsoftonline.com/common/v2.0/", "https://login.microsoftonline.com/Organizations/v2.0" }) {
            TokenIssuer issuer = TokenIssuer.forAuthority(authority).orElseThrow();
            assertTrue(issuer.multiTenant(), authority);
            assertEquals(Optional.of("https://login.microsoftonline.com/" + TID + "/v2.0"), issuer.expectedIssuer(TID));
            assertEquals(Optional.empty(), issuer.expectedIssuer("organizations"));
            assertEquals(Optional.empty(), issuer.expectedIssuer(null));
        }
    }

    @Test
    void aTenantSpecificAuthorityIsItsOwnIssuerWhateverTheTokenSays() {
        TokenIssuer issuer = TokenIssuer.forAuthority("https://login.microsoftonline.com/" + TID + "/v2.0/").orElseThrow();
        assertFalse(issuer.multiTenant());
        assertEquals(Optional.of("https://login.microsoftonline.com/" + TID + "/v2.0"),
                issuer.expectedIssuer("22222222-2222-4222-8222-222222222222"));
        assertEquals(Optional.of("https://sso.example/realms/x"),
                TokenIssuer.forAuthority("https://sso.example/realms/x").orElseThrow().expectedIssuer(TID));
    }

    @Test
    void noAuthorityNoRule() {
        assertEquals(Optional.empty(), TokenIssuer.forAuthority(null));
        assertEquals(Optional.empty(), TokenIssuer.forAuthority(" "));
    }
}
