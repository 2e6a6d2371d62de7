package eu.herald.benchmark;

import java.util.List;
import java.util.Locale;

/** What the seeded municipalities receive: their endpoints, and how many deliveries one change means. */
enum Scenario {
    EMAIL(List.of(Channel.EMAIL)),
    WEBHOOK(List.of(Channel.WEBHOOK)),
    /**
     * One webhook each, over https to many receivers on distinct loopback addresses ({@code --webhook-hosts}), as
     * production posts: a TLS handshake per connection, encrypted bodies, connections bounded per host.
     */
    WEBHOOK_TLS(List.of(Channel.WEBHOOK)),
    MIXED(List.of(Channel.EMAIL, Channel.WEBHOOK)),
    /** 100 subscribers by email, 20 changes spaced out on an idle system. */
    LATENCY(List.of(Channel.EMAIL)),
    /** One webhook each, in quiet hours: the change is held, then released when the window ends. */
    HELD_WEBHOOK(List.of(Channel.WEBHOOK));

    /** The endpoint channels, as the subscriptions database spells them. */
    enum Channel {
        EMAIL,
        WEBHOOK
    }

    private final List<Channel> channels;

    Scenario(List<Channel> channels) {
        this.channels = channels;
    }

    List<Channel> channels() {
        return channels;
    }

    /** Whether its webhooks go over https to many hosts rather than over http to one. */
    boolean overTls() {
        return this == WEBHOOK_TLS;
    }

    /** As the command line spells it: {@code held-webhook}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<Scenario> parse(String value) {
        if (value.equalsIgnoreCase("all")) {
            return List.of(values());
        }
        return java.util.Arrays.stream(value.split(","))
                .map(name ->
                        Scenario.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')))
                .toList();
    }
}
