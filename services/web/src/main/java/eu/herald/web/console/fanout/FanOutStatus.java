package eu.herald.web.console.fanout;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * What the fan-out page says about a fan-out, in words and as a state scripts and tests can wait for:
 * {@code waiting} (nothing arrived yet), {@code sending}, {@code delivered} (every delivery arrived, see {@link
 * Settling}, and none is pending or retrying: held ones go out later by themselves), {@code dead}
 * (done, but some could not be delivered), {@code nobody} (the preview counted no one to tell).
 *
 * @param heldText how many are held for quiet hours, a digest or a coalescing window, said apart
 */
public record FanOutStatus(String state, String text, String heldText) {

    /** @param settled whether every delivery has arrived, or the counts stood still long enough to say so */
    static FanOutStatus of(
            Progress progress, @Nullable Integer expected, boolean settled, MessageSource messages, Locale locale) {
        Progress.Counts all = progress.all();
        String held = all.held() == 0
                ? ""
                : messages.getMessage("console.fanOut.heldLater", new Object[] {all.held()}, locale);
        String state;
        Object[] arguments = {};
        if (progress.total() == 0 && expected != null && expected == 0) {
            state = "nobody";
        } else if (progress.total() == 0) {
            state = "waiting";
        } else if (!progress.finished() || !settled) {
            state = "sending";
            int done = all.sent() + all.held() + all.dead() + all.superseded();
            arguments = new Object[] {done, expected != null ? Math.max(expected, progress.total()) : progress.total()};
        } else if (all.dead() > 0) {
            state = "dead";
            arguments = new Object[] {all.dead()};
        } else {
            state = "delivered";
        }
        return new FanOutStatus(state, messages.getMessage("console.fanOut.state." + state, arguments, locale), held);
    }

    /** Nothing more will change by itself: the page stops following it. */
    public boolean isFinal() {
        return state.equals("delivered") || state.equals("dead") || state.equals("nobody");
    }
}
