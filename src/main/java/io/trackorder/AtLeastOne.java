package io.trackorder;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads a setting that must be a whole number of at least one, so that a wrong value stops the
 * start with the setting's name. A converter rather than a Bean Validation constraint on
 * {@link MusicConfig}: one such constraint makes every start bootstrap Hibernate Validator for the
 * configuration, about half a second on two cores.
 */
public class AtLeastOne implements Converter<Integer> {

    @Override
    public Integer convert(String value) {
        int number = Integer.parseInt(value.trim());
        if (number < 1) {
            throw new IllegalArgumentException("must be at least 1, not " + number);
        }
        return number;
    }
}
