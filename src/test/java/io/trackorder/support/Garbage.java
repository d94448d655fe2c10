package io.trackorder.support;

import java.util.List;

import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hostile values drawn from a QuickTheories randomness source, so that a failure shrinks and a
 * seed replays it. Each method returns JSON text or a raw string that the API refuses for
 * the stated reason; {@link #weird} always holds at least one character no code, id, date or
 * enumeration value may contain.
 */
public final class Garbage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NASTY = List.of(
            "' OR '1'='1", "1; DROP TABLE tracks;--", "\") OR 1=1 --", "%' AND 1=0 UNION SELECT 1--",
            "../../admin/api-keys", "..\\..\\windows", "/etc/passwd", "a/b?c=d#e", "%2e%2e%2f", "%00",
            "\u0000", "nul\u0000byte", "\u202Eevil", "e\u0301\u0301\u0301", "\uD83C\uDFB5\uD83C\uDFB6",
            "日本語の曲", "\uFEFFbom", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "\r\nX-Injected: 1",
            "null", "undefined", "NaN", "-0", "1e999", "\t \n", "\\", "\"", "{}", "[]");
    private static final String WEIRD = " ;'\"<>{}[]|\\^`\u0000\u00e9\u4e2d\uD83C\uDFB5\u202E%";

    private final RandomnessSource in;

    public Garbage(RandomnessSource in) {
        this.in = in;
    }

    public int between(int min, int max) {
        return (int) in.next(Constraint.between(min, max));
    }

    public boolean chance(int percent) {
        return between(1, 100) <= percent;
    }

    public <T> T pick(List<T> values) {
        return values.get(between(0, values.size() - 1));
    }

    /** A short hostile string with at least one character no well-formed value contains. */
    public String weird() {
        StringBuilder text = new StringBuilder();
        if (chance(50)) {
            text.append(pick(NASTY));
        }
        int extra = between(0, 6);
        for (int i = 0; i < extra; i++) {
            text.append(chance(50) ? (char) between('a', 'z') : WEIRD.charAt(between(0, WEIRD.length() - 1)));
        }
        text.append(WEIRD.charAt(between(0, WEIRD.length() - 1)));
        return text.toString();
    }

    /** A string of more than {@code max} characters, built from hostile pieces. */
    public String longerThan(int max) {
        StringBuilder text = new StringBuilder(weird());
        int length = max + between(1, chance(80) ? 16 : Math.max(16, max));
        while (text.length() < length) {
            text.append(chance(90) ? "x".repeat(Math.min(64, length - text.length())) : weird());
        }
        return text.toString();
    }

    /** Arrays or objects nested deeper than the 32 levels the service reads. */
    public String tooDeep() {
        int levels = between(33, 400);
        return chance(50) ? "[".repeat(levels) + "]".repeat(levels) : "{\"a\":".repeat(levels) + "1" + "}".repeat(levels);
    }

    /** JSON of a type other than the expected one; {@code expected} is one of string, number, boolean, array, object. */
    public String otherTypeThan(String expected) {
        List<String> types = List.of("string", "number", "boolean", "array", "object");
        String type = pick(types.stream().filter(t -> !t.equals(expected)).toList());
        return switch (type) {
            case "string" -> quote(chance(50) ? weird() : String.valueOf(between(0, 99)));
            case "number" -> pick(List.of("0", "-1", "42", "3.5", "1e308", "-1e-308", "12345678901234567890"));
            case "boolean" -> chance(50) ? "true" : "false";
            case "array" -> pick(List.of("[]", "[1]", "[\"a\", null]", "[[[]]]", "[" + quote(weird()) + "]"));
            default -> pick(List.of("{}", "{\"a\": 1}", "{\"\": null}", "{" + quote(weird()) + ": []}"));
        };
    }

    /** A JSON string, number or boolean: never an array or object. */
    public String scalar() {
        return pick(List.of(quote(weird()), "0", "-1.5", "1e308", "true", "false"));
    }

    /** Text that no JSON parser accepts. */
    public String notJson() {
        String text = pick(List.of("{", "{\"a\":", "[1,", "{'a': 1}", "{\"a\" 1}", "nul", "tru", "01", "{\"a\":1}}",
                "<xml/>", "\u0000", "{\"a\": NaN}", "{\"a\": Infinity}", "\"unterminated", "{\"a\": 1,}", "[,]",
                "{\"a\": \"\\x\"}", "\uFEFF\uFEFF{}", weird()));
        return isJson(text) ? text + "{" : text;
    }

    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return !text.isBlank();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
