package eu.herald.catalogue.event;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Events of the catalogue; sessions refer to them by id. */
public interface Events extends Repository<Event, EventId> {

    Optional<Event> findById(EventId id);

    boolean existsById(EventId id);

    List<Event> findAll();
}
