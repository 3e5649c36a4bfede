package io.tenantportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** One MSSP's names: when suggestions are cheap enough to work out on the event loop, and remembered answers. */
class MsspNamesTest {

    @Test
    void suggestionsAreSlowOnlyWhileManyChangedCustomersWaitForARebuild() {
        MsspNames names = new MsspNames();
        assertTrue(names.suggestionsQuick());
        for (int i = 1; i < MsspNames.REBUILD_AFTER_CHANGES; i++) {
            names.apply(customer(i, "Customer " + i), false);
        }
        assertTrue(names.suggestionsQuick());
        names.apply(customer(MsspNames.REBUILD_AFTER_CHANGES, "Customer last"), false);
        assertFalse(names.suggestionsQuick());

        names.rebuildSimilar(Runnable::run);
        assertTrue(names.suggestionsQuick());
        assertEquals(List.of("Customer 12"), names.similarDisplayNames("customer 12", 1, Runnable::run));
    }

    @Test
    void aRememberedAnswerGivesWayToAChange() {
        MsspNames names = new MsspNames();
        names.apply(customer(1, "Northwind Traders"), false);
        assertEquals(List.of(), names.similarDisplayNames("contso", 5, Runnable::run));
        names.apply(customer(2, "Contoso"), false);
        assertEquals(List.of("Contoso"), names.similarDisplayNames("contso", 5, Runnable::run));
        names.apply(customer(2, "Contoso").asDeleted(), true);
        assertEquals(List.of(), names.similarDisplayNames("contso", 5, Runnable::run));
    }

    private static IndexedCustomer customer(long id, String displayName) {
        return SimilarNamesTest.customer(id, displayName, false, List.of(displayName.toLowerCase(Locale.ROOT)));
    }
}
