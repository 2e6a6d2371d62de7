package eu.herald.subscriptions.endpoint;

import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.MunicipalityId;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers the endpoints of a municipality. */
@Service
public class EndpointRegistration {

    private final Municipalities municipalities;
    private final Endpoints endpoints;
    private final Clock clock;

    EndpointRegistration(Municipalities municipalities, Endpoints endpoints, Clock clock) {
        this.municipalities = municipalities;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /** A new email endpoint; the same address twice (ignoring case) is a conflict. */
    @Transactional
    public Endpoint registerEmail(MunicipalityId municipality, String address) {
        municipalities.require(municipality);
        Endpoint endpoint = Endpoint.email(municipality, address, clock);
        if (endpoints.hasAddress(municipality, Channel.EMAIL, endpoint.address())) {
            throw new EndpointAlreadyRegistered(Channel.EMAIL, endpoint.address());
        }
        try {
            endpoints.add(endpoint);
        } catch (DuplicateKeyException concurrentRegistration) {
            throw new EndpointAlreadyRegistered(Channel.EMAIL, endpoint.address());
        }
        return endpoint;
    }
}
