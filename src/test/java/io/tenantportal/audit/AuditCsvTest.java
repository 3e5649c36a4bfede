package io.tenantportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void cellsThatStartLikeAFormulaGetAnApostrophe() {
        assertEquals("'=1+2", AuditCsv.cell("=1+2"));
        assertEquals("'+1", AuditCsv.cell("+1"));
        assertEquals("'-1", AuditCsv.cell("-1"));
        assertEquals("'@SUM(A1)", AuditCsv.cell("@SUM(A1)"));
        assertEquals("'\tx", AuditCsv.cell("\tx"));
        assertEquals("'\rx", AuditCsv.cell("\rx"));
        assertEquals("Contoso = 1", AuditCsv.cell("Contoso = 1"));
        assertEquals("", AuditCsv.cell(""));
    }
}
