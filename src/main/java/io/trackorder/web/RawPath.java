package io.trackorder.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Checks on a request path exactly as the client sent it, for paths the HTTP layer would turn into
 * another route. Vert.x decodes {@code %2e} and resolves {@code .} and {@code ..} before routing, so
 * {@code DELETE /releases/{id}/tracks/%2e%2e} would reach {@code DELETE /releases/{id}}; and a
 * matrix parameter ({@code ;v=1}) anywhere makes Quarkus REST decode the whole path again, so an
 * {@code %2F} inside an id becomes a separator. Either way an id a client did not mean as a path
 * would run another operation: such paths are refused instead, whatever the spelling.
 */
final class RawPath {

    private static final String DOT_SEGMENT = "The path has a '.' or '..' segment (also as %2e); such paths are refused, not resolved";
    private static final String MATRIX_PARAMETERS = "The path has a ';'; matrix parameters are not supported (a ';' in an id is sent as %3B)";
    private static final String BAD_ENCODING = "The path is not valid percent-encoded UTF-8";

    private RawPath() {
    }

    /** Why a raw path must not be routed, or null when it may be. */
    static String refusal(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String name = decoded(segment);
            if (name == null) {
                return BAD_ENCODING;
            }
            if (name.equals(".") || name.equals("..")) {
                return DOT_SEGMENT;
            }
        }
        return rawPath.indexOf(';') >= 0 ? MATRIX_PARAMETERS : null;
    }

    /** The segment with its percent escapes decoded as UTF-8; null for a broken escape or invalid UTF-8. */
    private static String decoded(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else if (i + 2 < segment.length() && HexFormat.isHexDigit(segment.charAt(i + 1))
                    && HexFormat.isHexDigit(segment.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(segment, i + 1, i + 3));
                i += 2;
            } else {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
