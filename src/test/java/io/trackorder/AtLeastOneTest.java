package io.trackorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtLeastOneTest {

    private final AtLeastOne converter = new AtLeastOne();

    @Test
    void readsWholeNumbersFromOne() {
        assertEquals(1, converter.convert("1"));
        assertEquals(100, converter.convert(" 100 "));
        assertEquals(Integer.MAX_VALUE, converter.convert(String.valueOf(Integer.MAX_VALUE)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "-2147483648" })
    void refusesNumbersBelowOneSayingWhy(String value) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> converter.convert(value));
        assertEquals("must be at least 1, not " + value, refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "ten", "1.5", "2147483648" })
    void refusesWhatIsNoWholeNumber(String value) {
        assertThrows(NumberFormatException.class, () -> converter.convert(value));
    }
}
