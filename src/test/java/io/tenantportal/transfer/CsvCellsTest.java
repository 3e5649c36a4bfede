package io.tenantportal.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The export's cell rules reverse exactly on import. */
class CsvCellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
            "+1 555|'+1 555",
            "-= Contoso =-|'-= Contoso =-",
            "@SUM(A1)|'@SUM(A1)",
            "'s-Hertogenbosch Bakery|'s-Hertogenbosch Bakery",
            "'=1+1|''=1+1",
            "''quoted|'''quoted",
            "'|'",
            "Contoso Ltd|Contoso Ltd" })
    void aFormulaGetsAnApostropheThatTheImportRemovesAgain(String value, String cell) {
        assertEquals(cell, CsvCells.neutralised(value));
        assertEquals(value, CsvCells.restored(cell));
    }

    @Test
    void tabAndCarriageReturnStartsAreNeutralisedToo() {
        assertEquals("'\tx", CsvCells.neutralised("\tx"));
        assertEquals("'\rx", CsvCells.neutralised("\rx"));
        assertEquals("\tx", CsvCells.restored("'\tx"));
    }

    @Test
    void aHandWrittenNeutralisedFormulaImportsAsTheFormulaText() {
        assertEquals("=1+1", CsvCells.restored("'=1+1"));
        assertEquals("'Hooft", CsvCells.restored("'Hooft"));
    }

    @Test
    void listItemsKeepSemicolonsAndBackslashes() {
        List<String> items = List.of("Smith; Jones", "C:\\Temp", "back\\;slash", "plain");
        String cell = CsvCells.joined(items);
        assertEquals("Smith\\; Jones;C:\\\\Temp;back\\\\\\;slash;plain", cell);
        assertEquals(items, CsvCells.split(cell));
    }

    @Test
    void aLoneBackslashIsLiteralAndEmptyItemsAreDropped() {
        assertEquals(List.of("C:\\Temp", "a\\b", "x"), CsvCells.split(" C:\\Temp ;; a\\b ;x;"));
        assertEquals(List.of(), CsvCells.split(""));
        assertEquals(List.of(), CsvCells.split(null));
    }
}
