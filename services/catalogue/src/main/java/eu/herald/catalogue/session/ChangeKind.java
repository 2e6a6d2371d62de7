package eu.herald.catalogue.session;

/** What a change means to someone who planned to attend, most disruptive first. */
public enum ChangeKind {
    PUBLISHED,
    CANCELLED,
    /** Start, end or time zone moved. */
    RESCHEDULED,
    /** Venue, platform or join link moved. */
    RELOCATED,
    /** Anything else: texts, themes, links to register, languages. */
    UPDATED
}
