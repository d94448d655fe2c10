package io.trackorder.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class RecordingCodesTest {

    @Test
    void anIsrcIsWrittenAsTwelveCharactersWithoutHyphens() {
        for (String isrc : List.of("USABC1234567", "US-ABC-12-34567", "us-abc-12-34567", "usAbc1234567", "US-ABC1234567",
                "USABC-12-34567")) {
            assertEquals("USABC1234567", RecordingCodes.isrc(isrc), isrc);
        }
        assertEquals("GB0001200001", RecordingCodes.isrc("GB-000-12-00001"));
        assertEquals("QZ9Z99999999", RecordingCodes.isrc("qz9z99999999"));
    }

    @Test
    void anythingElseIsNoIsrc() {
        for (String text : List.of("", "USABC123456", "USABC12345678", "U1ABC1234567", "USAB-C1234567", "USABC1A34567",
                "USABC12345A7", "US--ABC1234567", "US ABC 12 34567", " USABC1234567", "USABC1234567 ", "US_ABC_12_34567",
                "ÜSABC1234567", "USÄBC1234567", "US-ABC-12-3456-7", "USABC１234567")) {
            assertNull(RecordingCodes.isrc(text), text);
        }
    }

    @Test
    void anIswcIsWrittenWithHyphensAroundItsNineDigits() {
        for (String iswc : List.of("T-123456789-0", "T1234567890", "T-123.456.789-0", "t-123.456.789-0", "T123.456.7890",
                "T-123456.789-0")) {
            assertEquals("T-123456789-0", RecordingCodes.iswc(iswc), iswc);
        }
        // The check digit is kept as given, not verified.
        assertEquals("T-000000000-9", RecordingCodes.iswc("T0000000009"));
    }

    @Test
    void anythingElseIsNoIswc() {
        for (String text : List.of("", "T-123456789", "T-12345678-9", "T-1234567890-1", "X-123456789-0", "123456789-0",
                "T-123.456.789.0", "T--123456789-0", "T-123-456-789-0", "T-123456789-X", " T-123456789-0", "T-123456789-0 ",
                "T-１23456789-0")) {
            assertNull(RecordingCodes.iswc(text), text);
        }
    }
}
