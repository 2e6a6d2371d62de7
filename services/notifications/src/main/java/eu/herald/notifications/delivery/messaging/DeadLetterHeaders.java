package eu.herald.notifications.delivery.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.kafka.common.header.Headers;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.ExceptionHeadersCreator;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo;

/**
 * The usual {@code kafka_dlt-exception-*} headers, except that {@code -message} also carries the reason: for a
 * record that could not be read the failure is the deserializer's generic "failed to deserialize", and the
 * reason ("recipient.timeZone is missing") is in its cause, which the default headers leave out.
 */
final class DeadLetterHeaders implements ExceptionHeadersCreator {

    @Override
    public void create(Headers headers, Exception exception, boolean isKey, HeaderNames names) {
        ExceptionInfo info = names.getExceptionInfo();
        Throwable reason = NestedExceptionUtils.getMostSpecificCause(exception);
        replace(
                headers,
                isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(),
                exception.getClass().getName());
        if (!isKey && reason != exception) {
            replace(headers, info.getExceptionCauseFqcn(), reason.getClass().getName());
        }
        replace(
                headers,
                isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(),
                message(exception, reason));
        replace(
                headers,
                isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(),
                stackTrace(exception));
    }

    private static String message(Exception exception, Throwable reason) {
        String message = String.valueOf(exception.getMessage());
        return reason == exception || reason.getMessage() == null ? message : message + ": " + reason.getMessage();
    }

    private static String stackTrace(Exception exception) {
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static void replace(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(UTF_8));
    }
}
