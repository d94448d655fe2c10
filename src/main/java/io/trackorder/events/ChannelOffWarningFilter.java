package io.trackorder.events;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Drops SmallRye's start-up warning that the events channel's emitter "has no downstream": it is
 * logged only when the channel is off, and {@link BrokerSettings} already says so in one line that
 * names the variable to set. Any other record, including that warning for another channel, passes.
 */
@LoggingFilter(name = "events-channel-off")
public final class ChannelOffWarningFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return message == null || !(message.startsWith("SRMSG00207") && message.contains("channel:'events'")
                && message.lines().count() == 2);
    }
}
