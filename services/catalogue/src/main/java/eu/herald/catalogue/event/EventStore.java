package eu.herald.catalogue.event;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Writes of events, kept to {@link EventProgramme}. */
interface EventStore extends Repository<Event, EventId> {

    Event save(Event event);

    void delete(Event event);

    @Query("select exists(select 1 from event where slug = :slug)")
    boolean existsBySlug(String slug);
}
