package io.trackorder.catalog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The industry codes of a track, checked and written in one canonical form. */
public final class RecordingCodes {

    /** ISO 3901: country (2 letters), registrant (3 alphanumerics), year (2 digits), designation (5 digits). */
    private static final Pattern ISRC = Pattern.compile("([A-Z]{2})-?([A-Z0-9]{3})-?([0-9]{2})-?([0-9]{5})");
    /** ISO 15707: T, nine digits (optionally dotted), check digit; {@code T-123456789-0}. */
    private static final Pattern ISWC = Pattern.compile("T-?([0-9]{3})\\.?([0-9]{3})\\.?([0-9]{3})-?([0-9])");

    private RecordingCodes() {
    }

    /** {@code USABC1234567}, from that or {@code US-ABC-12-34567} in either case; null when not an ISRC. */
    public static String isrc(String text) {
        Matcher isrc = ISRC.matcher(text.toUpperCase(Locale.ROOT));
        return isrc.matches() ? isrc.group(1) + isrc.group(2) + isrc.group(3) + isrc.group(4) : null;
    }

    /**
     * {@code T-123456789-0}, from that, {@code T1234567890} or {@code T-123.456.789-0}; null when not
     * an ISWC. The check digit is not verified: the documented example, T-123456789-0, does not pass it.
     */
    public static String iswc(String text) {
        Matcher iswc = ISWC.matcher(text.toUpperCase(Locale.ROOT));
        return iswc.matches() ? "T-" + iswc.group(1) + iswc.group(2) + iswc.group(3) + "-" + iswc.group(4) : null;
    }
}
