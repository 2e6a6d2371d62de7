package eu.herald.catalogue.session;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

interface Sessions extends ListCrudRepository<Session, SessionId>, PagingAndSortingRepository<Session, SessionId> {}
