package eu.herald.notifications.email;

import eu.herald.notifications.delivery.DeliveryResult;
import eu.herald.notifications.delivery.DeliveryResult.Deferred;
import eu.herald.notifications.delivery.DeliveryResult.Rejected;
import eu.herald.notifications.rendering.Values;
import jakarta.mail.internet.AddressException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Tells a permanent SMTP failure (a 5xx reply, an address that cannot be used) from a transient one (a 4xx
 * reply, no connection, a timeout). Whatever is not recognised counts as transient: another attempt is cheaper
 * than a notification given up on by mistake.
 */
final class SmtpFailures {

    private static final int MAX_REASON_LENGTH = 500;

    private SmtpFailures() {}

    static DeliveryResult classify(MailException failure) {
        if (failure instanceof MailPreparationException || failure instanceof MailParseException) {
            return new Rejected(reason("cannot build the message", failure), false);
        }
        if (failure instanceof MailAuthenticationException) {
            return new Deferred(reason("SMTP authentication failed", failure));
        }
        for (Throwable cause : causes(failure)) {
            if (cause instanceof SMTPAddressFailedException address) {
                int code = address.getReturnCode();
                // 550 mailbox unavailable, 551 user not local, 553 mailbox name not allowed: the address is gone
                return permanent(code)
                        ? new Rejected(reason("SMTP " + code, address), code == 550 || code == 551 || code == 553)
                        : new Deferred(reason("SMTP " + code, address));
            }
            if (cause instanceof SMTPSenderFailedException sender) {
                return byCode(sender.getReturnCode(), sender);
            }
            if (cause instanceof SMTPSendFailedException send) {
                return byCode(send.getReturnCode(), send);
            }
            if (cause instanceof AddressException address) {
                return new Rejected(reason("invalid address", address), false);
            }
        }
        return new Deferred(reason("SMTP unavailable", failure));
    }

    private static DeliveryResult byCode(int code, Exception failure) {
        return permanent(code)
                ? new Rejected(reason("SMTP " + code, failure), false)
                : new Deferred(reason("SMTP " + code, failure));
    }

    private static boolean permanent(int code) {
        return code >= 500 && code < 600;
    }

    /** The failure, its causes and, for a failed send, the failures per message (Jakarta Mail chains them). */
    private static List<Throwable> causes(MailException failure) {
        List<Throwable> causes = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> roots = new ArrayList<>();
        roots.add(failure);
        if (failure instanceof MailSendException send) {
            roots.addAll(send.getFailedMessages().values());
        }
        for (Throwable root : roots) {
            for (Throwable cause = root; cause != null && seen.add(cause); cause = cause.getCause()) {
                causes.add(cause);
            }
        }
        return causes;
    }

    private static String reason(String what, Throwable failure) {
        StringBuilder detail = new StringBuilder(what);
        String message = failure.getMessage();
        if (message != null) {
            detail.append(": ").append(message);
        }
        String root = NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
        if (root != null && (message == null || !message.contains(root))) {
            detail.append(" (").append(root).append(')');
        }
        String reason = Values.singleLine(detail.toString());
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
